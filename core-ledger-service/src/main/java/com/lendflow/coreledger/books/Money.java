package com.lendflow.coreledger.books;

import java.math.BigDecimal;
import java.math.RoundingMode;

final class Money {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /** Amounts are shown as strings with two decimals, so no client reads them as doubles. */
    static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
