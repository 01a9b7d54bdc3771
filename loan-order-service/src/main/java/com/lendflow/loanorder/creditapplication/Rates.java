package com.lendflow.loanorder.creditapplication;

import java.math.BigDecimal;

/** How an annual rate is written in messages and APIs: a plain decimal without trailing zeros, {@code 0.073}. */
public final class Rates {

    private Rates() {
    }

    public static String text(BigDecimal rate) {
        return rate == null ? null : rate.stripTrailingZeros().toPlainString();
    }
}
