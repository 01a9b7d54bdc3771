package com.lendflow.limit.creditline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Reads a limit a request asks for: zero or more, in whole fen, small enough for numeric(19, 2). */
final class LimitAmounts {

    private static final BigDecimal CEILING = new BigDecimal("1e17");

    private LimitAmounts() {
    }

    static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<BigDecimal> of(BigDecimal amount) {
        if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(CEILING) >= 0) {
            return Optional.empty();
        }
        return Optional.of(amount.setScale(2, RoundingMode.UNNECESSARY));
    }
}
