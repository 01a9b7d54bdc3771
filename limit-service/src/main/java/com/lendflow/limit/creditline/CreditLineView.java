package com.lendflow.limit.creditline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** A customer's credit line. Amounts are CNY strings with two decimals. */
public record CreditLineView(
        UUID customerId,
        CreditLineStatus status,
        String currency,
        String creditLimit,
        String available,
        String occupied,
        String reserved,
        Instant openedAt) {

    static CreditLineView of(CreditLine line) {
        return new CreditLineView(line.customerId(), line.status(), "CNY", fen(line.creditLimit()),
                fen(line.available()), fen(line.occupied()), fen(line.reserved()), line.openedAt());
    }

    private static String fen(BigDecimal amount) {
        // Stored at scale 2; UNNECESSARY fails loudly if anything ever put a finer amount there.
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
