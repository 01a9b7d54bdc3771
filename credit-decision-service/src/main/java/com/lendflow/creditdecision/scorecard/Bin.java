package com.lendflow.creditdecision.scorecard;

import java.math.BigDecimal;

/** {@code points} for a value in [{@code lower}, {@code upper}); a null bound is open. */
public record Bin(Characteristic characteristic, BigDecimal lower, BigDecimal upper, int points) {

    boolean contains(BigDecimal value) {
        return (lower == null || value.compareTo(lower) >= 0) && (upper == null || value.compareTo(upper) < 0);
    }

    String range() {
        String from = lower == null ? "" : lower.stripTrailingZeros().toPlainString();
        String to = upper == null ? "" : upper.stripTrailingZeros().toPlainString();
        if (lower == null) {
            return "below " + to;
        }
        return upper == null ? from + " or more" : from + " to under " + to;
    }
}
