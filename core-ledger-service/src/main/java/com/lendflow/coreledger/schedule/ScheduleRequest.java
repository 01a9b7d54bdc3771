package com.lendflow.coreledger.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a schedule is computed from.
 *
 * @param principal    the amount lent, positive, whole fen
 * @param annualRate   the APR as a fraction (0.09125 is 9.125%), not negative
 * @param termMonths   the number of monthly periods, at least 1
 * @param method       how principal and interest are spread
 * @param startDate    the disbursement date; regular due dates fall monthly on its day
 * @param firstDueDate {@code null} for a regular first period (due one month after the start);
 *                     otherwise a date after the start and at most two months after it, making the
 *                     first period short or long. Later due dates fall monthly on its day.
 */
public record ScheduleRequest(BigDecimal principal, BigDecimal annualRate, int termMonths, RepaymentMethod method,
                              LocalDate startDate, LocalDate firstDueDate) {

    public ScheduleRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(annualRate, "annualRate");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(startDate, "startDate");
        if (principal.signum() <= 0) {
            throw new IllegalArgumentException("principal must be positive: " + principal);
        }
        if (principal.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("principal must be whole fen: " + principal);
        }
        if (annualRate.signum() < 0) {
            throw new IllegalArgumentException("annualRate must not be negative: " + annualRate);
        }
        if (termMonths < 1) {
            throw new IllegalArgumentException("termMonths must be at least 1: " + termMonths);
        }
        if (firstDueDate != null && (!firstDueDate.isAfter(startDate) || firstDueDate.isAfter(startDate.plusMonths(2)))) {
            throw new IllegalArgumentException("firstDueDate must be after the start and at most two months after it: "
                    + firstDueDate);
        }
        principal = principal.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A request with a regular first period. */
    public ScheduleRequest(BigDecimal principal, BigDecimal annualRate, int termMonths, RepaymentMethod method,
                           LocalDate startDate) {
        this(principal, annualRate, termMonths, method, startDate, null);
    }

    /** Whether the first period is shorter or longer than a month, so its interest runs on actual days. */
    public boolean irregularFirstPeriod() {
        return firstDueDate != null && !firstDueDate.equals(startDate.plusMonths(1));
    }
}
