package com.lendflow.coreledger.books;

import java.math.BigDecimal;

final class Money {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }
}
