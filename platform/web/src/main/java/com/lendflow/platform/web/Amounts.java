package com.lendflow.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How every API writes a CNY amount: a string with two decimals, so no client reads it as a double. */
public final class Amounts {

    private Amounts() {
    }

    /**
     * {@code 100} → {@code "100.00"}. Amounts reaching an API are already whole fen; UNNECESSARY
     * makes any slip loud instead of silently rounded.
     */
    public static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
