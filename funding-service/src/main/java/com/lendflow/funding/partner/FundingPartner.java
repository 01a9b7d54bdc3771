package com.lendflow.funding.partner;

import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A bank or consumer-finance company that lends the money behind loans: asked in order of
 * {@code priority} (lower first), charging the platform {@code fundingRate} a year, taking the
 * loans its eligibility rules allow, and paying out up to the day's plan ({@code dailyPlan} unless
 * the day has a plan of its own).
 */
public record FundingPartner(String id, String name, boolean active, int priority, BigDecimal fundingRate,
                             List<String> grades, BigDecimal minAmount, BigDecimal maxAmount,
                             List<Integer> termMonths, BigDecimal dailyPlan, long version, Instant updatedAt,
                             String updatedBy) {

    public FundingPartner {
        grades = List.copyOf(grades);
        termMonths = List.copyOf(termMonths);
    }

    /** Why this partner does not fund such a loan, or empty when it does. Says nothing of being active or of money left. */
    public Optional<String> ineligibility(String grade, BigDecimal amount, int months) {
        if (grade == null || !grades.contains(grade)) {
            return Optional.of(id + " funds grades " + String.join(", ", grades) + ", not " + grade);
        }
        if (amount.compareTo(minAmount) < 0 || amount.compareTo(maxAmount) > 0) {
            return Optional.of(id + " funds " + Amounts.text(minAmount) + " to " + Amounts.text(maxAmount) + ", not "
                    + amount.toPlainString());
        }
        if (!termMonths.contains(months)) {
            return Optional.of(id + " funds terms of " + termMonths + " months, not " + months);
        }
        return Optional.empty();
    }
}
