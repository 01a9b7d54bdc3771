package com.lendflow.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How marketing-service writes an annual rate: a decimal string at the database's six places, {@code "0.091250"}. */
public final class Rates {

    private Rates() {
    }

    public static String text(BigDecimal rate) {
        return rate == null ? null : rate.setScale(6, RoundingMode.UNNECESSARY).toPlainString();
    }
}
