package com.lendflow.creditdecision.scorecard;

import java.math.BigDecimal;

/**
 * Rejects whatever the score when the characteristic is at least {@code atLeast} (or, when that
 * is null, below {@code below}).
 */
public record Knockout(String code, Characteristic characteristic, BigDecimal atLeast, BigDecimal below,
                       String reasonCode) {

    boolean firesOn(BigDecimal value) {
        return atLeast != null ? value.compareTo(atLeast) >= 0 : value.compareTo(below) < 0;
    }

    String explain(BigDecimal value) {
        return "Knock-out " + code + ": " + characteristic.description() + " is " + value.stripTrailingZeros().toPlainString()
                + (atLeast != null ? ", at or above " + atLeast.stripTrailingZeros().toPlainString()
                : ", below " + below.stripTrailingZeros().toPlainString()) + " (" + reasonCode + ")";
    }
}
