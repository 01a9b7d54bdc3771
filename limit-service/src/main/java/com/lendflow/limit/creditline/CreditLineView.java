package com.lendflow.limit.creditline;

import static com.lendflow.platform.web.Amounts.text;

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
        return new CreditLineView(line.customerId(), line.status(), "CNY", text(line.creditLimit()),
                text(line.available()), text(line.occupied()), text(line.reserved()), line.openedAt());
    }
}
