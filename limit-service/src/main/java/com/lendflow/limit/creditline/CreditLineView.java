package com.lendflow.limit.creditline;

import static com.lendflow.platform.web.Amounts.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer's credit line as of today. Amounts are CNY strings with two decimals, the annual
 * rate a decimal string ({@code "0.073000"} is 7.3%); rate, grade and expiry are null until the
 * line is first granted. {@code available} is what can be drawn now: zero unless ACTIVE.
 * {@code frozenReason} is null unless FROZEN, and then says why in words the customer may read
 * (never the staff's own reason).
 */
public record CreditLineView(
        UUID customerId,
        CreditLineStatus status,
        String currency,
        String creditLimit,
        String available,
        String occupied,
        String reserved,
        String annualRate,
        String grade,
        LocalDate expiresOn,
        Instant grantedAt,
        Instant openedAt,
        String frozenReason) {

    static CreditLineView of(CreditLine line, LocalDate today) {
        return new CreditLineView(line.customerId(), line.statusOn(today), "CNY", text(line.creditLimit()),
                text(line.availableOn(today)), text(line.occupied()), text(line.reserved()), Rates.text(line.annualRate()),
                line.grade(), line.expiresOn(), line.grantedAt(), line.openedAt(),
                line.statusOn(today) == CreditLineStatus.FROZEN ? FreezeCode.noticeFor(line.freezeCode()) : null);
    }
}
