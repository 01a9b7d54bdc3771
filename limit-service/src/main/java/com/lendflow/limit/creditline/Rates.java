package com.lendflow.limit.creditline;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How limit-service writes an annual rate: a decimal string at the database's six places, {@code "0.073000"}. */
final class Rates {

    private Rates() {
    }

    static String text(BigDecimal rate) {
        return rate == null ? null : rate.setScale(6, RoundingMode.UNNECESSARY).toPlainString();
    }
}
