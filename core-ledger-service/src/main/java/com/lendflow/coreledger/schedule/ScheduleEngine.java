package com.lendflow.coreledger.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes repayment schedules by the rules in ARCHITECTURE.md ("Money, rates and time"). Pure:
 * no clock, no I/O, no framework; the same request always gives the same schedule.
 *
 * <ul>
 *   <li>Every monthly period's interest is outstanding · APR/12, rounded HALF_UP to the fen.</li>
 *   <li>EQUAL_INSTALLMENT: installment = P·r·(1+r)^n / ((1+r)^n − 1), r = APR/12, computed in
 *       DECIMAL128 and rounded HALF_UP (P/n when the rate is zero); each period's principal is the
 *       installment less its interest.</li>
 *   <li>EQUAL_PRINCIPAL: each period's principal is P/n rounded HALF_UP.</li>
 *   <li>INTEREST_FIRST: no principal until the last period.</li>
 *   <li>In these three the last period takes whatever principal remains.</li>
 *   <li>BULLET: one installment at maturity (the last due date) of the principal plus
 *       P · APR/365 · actual days from the start to maturity, rounded HALF_UP.</li>
 *   <li>An irregular first period (a {@link ScheduleRequest#firstDueDate()} other than one month
 *       after the start) keeps the principal of a regular schedule, but its interest runs on
 *       actual days: P · APR/365 · days from the start to the first due date, rounded HALF_UP.</li>
 * </ul>
 *
 * <p>No period repays more principal than is still outstanding. That only matters for loans of a
 * few fen per period, where fen rounding cannot keep the amounts level: 1.00 over 60 months at
 * 0% repays 0.02 a month and is paid off in the 50th, leaving ten periods of 0.00; at 18% over 46
 * months an installment of 0.03 pays it off early and one of 0.02 would never amortize it. No
 * amount is ever negative.
 */
public final class ScheduleEngine {

    public Schedule schedule(ScheduleRequest request) {
        List<LocalDate> dueDates = DueDates.of(request);
        List<Installment> installments = switch (request.method()) {
            case EQUAL_INSTALLMENT -> levelled(request, dueDates, installment(request), (amount, interest) -> amount.subtract(interest));
            case EQUAL_PRINCIPAL -> levelled(request, dueDates,
                    request.principal().divide(BigDecimal.valueOf(request.termMonths()), Money.PRECISION),
                    (amount, interest) -> amount);
            case INTEREST_FIRST -> amortize(request, dueDates, interest -> Money.ZERO);
            case BULLET -> bullet(request, dueDates);
        };
        if (request.irregularFirstPeriod() && request.method() != RepaymentMethod.BULLET) {
            installments = firstPeriodOnActualDays(request, installments);
        }
        return Schedule.of(installments);
    }

    /** The exact (unrounded) equal installment. */
    static BigDecimal installment(ScheduleRequest request) {
        BigDecimal principal = request.principal();
        int n = request.termMonths();
        if (request.annualRate().signum() == 0) {
            return principal.divide(BigDecimal.valueOf(n), Money.PRECISION);
        }
        BigDecimal r = Money.monthlyRate(request.annualRate());
        BigDecimal growth = BigDecimal.ONE.add(r).pow(n, Money.PRECISION);
        return principal.multiply(r, Money.PRECISION).multiply(growth, Money.PRECISION)
                .divide(growth.subtract(BigDecimal.ONE, Money.PRECISION), Money.PRECISION);
    }

    private interface PrincipalOf {
        BigDecimal principal(BigDecimal amount, BigDecimal interest);
    }

    private interface PrincipalRule {
        BigDecimal principal(BigDecimal interest);
    }

    /** A schedule built on a per-period amount (installment or principal) rounded HALF_UP to the fen. */
    private static List<Installment> levelled(ScheduleRequest request, List<LocalDate> dueDates, BigDecimal exactAmount,
                                              PrincipalOf principalOf) {
        BigDecimal amount = exactAmount.setScale(2, RoundingMode.HALF_UP);
        return amortize(request, dueDates, interest -> principalOf.principal(amount, interest));
    }

    private static List<Installment> amortize(ScheduleRequest request, List<LocalDate> dueDates, PrincipalRule rule) {
        int n = request.termMonths();
        List<Installment> installments = new ArrayList<>(n);
        BigDecimal outstanding = request.principal();
        for (int period = 1; period <= n; period++) {
            BigDecimal interest = Money.monthlyInterest(outstanding, request.annualRate());
            BigDecimal principal = period == n ? outstanding : rule.principal(interest).min(outstanding);
            outstanding = outstanding.subtract(principal);
            installments.add(Installment.of(period, dueDates.get(period - 1), principal, interest, outstanding));
        }
        return installments;
    }

    private static List<Installment> bullet(ScheduleRequest request, List<LocalDate> dueDates) {
        LocalDate maturity = dueDates.getLast();
        long days = ChronoUnit.DAYS.between(request.startDate(), maturity);
        BigDecimal interest = Money.dailyInterest(request.principal(), request.annualRate(), days);
        return List.of(Installment.of(1, maturity, request.principal(), interest, Money.ZERO));
    }

    private static List<Installment> firstPeriodOnActualDays(ScheduleRequest request, List<Installment> installments) {
        Installment first = installments.getFirst();
        long days = ChronoUnit.DAYS.between(request.startDate(), first.dueDate());
        BigDecimal interest = Money.dailyInterest(request.principal(), request.annualRate(), days);
        List<Installment> adjusted = new ArrayList<>(installments);
        adjusted.set(0, Installment.of(1, first.dueDate(), first.principal(), interest, first.remainingPrincipal()));
        return adjusted;
    }
}
