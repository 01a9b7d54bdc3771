package com.lendflow.coreledger.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes repayment schedules by the rules in ARCHITECTURE.md ("Money, rates and time"). Pure:
 * no clock, no I/O, no framework; the same request always gives the same schedule. (The only state is
 * a bounded cache of (1+r)^n per APR and term, which changes no result: see {@link #installment}.)
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
        return schedule(request, DueDates.of(request));
    }

    /**
     * {@code schedule} with its first {@code days} days free of interest (an interest-free-days
     * coupon): the first installment's interest is reduced by principal · APR/365 · days, rounded
     * HALF_UP, but never below zero. Principal and due dates are unchanged, so the loan amortizes
     * as before; only what the borrower pays in the first period is less.
     */
    public Schedule withInterestFreeDays(Schedule schedule, BigDecimal principal, BigDecimal annualRate, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("interest-free days cannot be negative: " + days);
        }
        if (days == 0 || schedule.installments().isEmpty()) {
            return schedule;
        }
        Installment first = schedule.installments().getFirst();
        BigDecimal waived = Money.dailyInterest(principal, annualRate, days).min(first.interest());
        List<Installment> installments = new java.util.ArrayList<>(schedule.installments());
        installments.set(0, new Installment(first.period(), first.dueDate(), first.principal(),
                first.interest().subtract(waived), first.total().subtract(waived), first.remainingPrincipal()));
        return Schedule.of(installments);
    }

    /**
     * The schedule of {@code request} on the given due dates, one per period: how a rescheduled loan
     * keeps the due dates it already had. The first period is irregular (interest on actual days)
     * unless its due date is one month after the start.
     */
    public Schedule schedule(ScheduleRequest request, List<LocalDate> dueDates) {
        if (dueDates.size() != request.termMonths()) {
            throw new IllegalArgumentException(dueDates.size() + " due dates for " + request.termMonths() + " periods");
        }
        if (!dueDates.getFirst().isAfter(request.startDate())) {
            throw new IllegalArgumentException("the first due date must be after the start: " + dueDates.getFirst());
        }
        boolean irregularFirstPeriod = !dueDates.getFirst().equals(request.startDate().plusMonths(1));
        List<Installment> installments = switch (request.method()) {
            case EQUAL_INSTALLMENT -> levelled(request, dueDates, installment(request), (amount, interest) -> amount.subtract(interest));
            case EQUAL_PRINCIPAL -> levelled(request, dueDates,
                    request.principal().divide(BigDecimal.valueOf(request.termMonths()), Money.PRECISION),
                    (amount, interest) -> amount);
            case INTEREST_FIRST -> amortize(request, dueDates, interest -> Money.ZERO);
            case BULLET -> bullet(request, dueDates);
        };
        if (irregularFirstPeriod && request.method() != RepaymentMethod.BULLET) {
            installments = firstPeriodOnActualDays(request, installments);
        }
        return Schedule.of(installments);
    }

    /**
     * The exact (unrounded) equal installment. r, (1+r)^n and (1+r)^n − 1 depend on the APR and the
     * term alone, and a book has a handful of those, so they are computed once per (APR, term) and
     * kept in {@link #GROWTH}: raising to the n-th power in DECIMAL128 was most of a schedule's time.
     * The key is the APR as given (BigDecimal equality: value and scale) and the values are what
     * {@link #installmentUncached} computes, so every installment is the same digit for digit.
     */
    static BigDecimal installment(ScheduleRequest request) {
        BigDecimal principal = request.principal();
        int n = request.termMonths();
        if (request.annualRate().signum() == 0) {
            return principal.divide(BigDecimal.valueOf(n), Money.PRECISION);
        }
        Growth growth = growth(request.annualRate(), n);
        return principal.multiply(growth.monthlyRate(), Money.PRECISION).multiply(growth.growth(), Money.PRECISION)
                .divide(growth.growthLessOne(), Money.PRECISION);
    }

    /** {@link #installment} without the cache: the formula as written, kept to prove the two agree. */
    static BigDecimal installmentUncached(ScheduleRequest request) {
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

    /** At most this many (APR, term) pairs are kept; past that the cache starts again (a book has far fewer). */
    static final int GROWTH_CACHE_SIZE = 1_024;
    private static final ConcurrentHashMap<PricePoint, Growth> GROWTH = new ConcurrentHashMap<>();

    private record PricePoint(BigDecimal annualRate, int termMonths) {
    }

    /** r = APR/12, (1+r)^n and (1+r)^n − 1, each in DECIMAL128, exactly as the formula computes them. */
    private record Growth(BigDecimal monthlyRate, BigDecimal growth, BigDecimal growthLessOne) {

        static Growth of(PricePoint point) {
            BigDecimal r = Money.monthlyRate(point.annualRate());
            BigDecimal growth = BigDecimal.ONE.add(r).pow(point.termMonths(), Money.PRECISION);
            return new Growth(r, growth, growth.subtract(BigDecimal.ONE, Money.PRECISION));
        }
    }

    private static Growth growth(BigDecimal annualRate, int termMonths) {
        PricePoint point = new PricePoint(annualRate, termMonths);
        Growth growth = GROWTH.get(point);
        if (growth == null) {
            if (GROWTH.size() >= GROWTH_CACHE_SIZE) {
                GROWTH.clear();
            }
            growth = Growth.of(point);
            GROWTH.putIfAbsent(point, growth);
        }
        return growth;
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

    /**
     * The schedule of what is left after a partial prepayment on {@code from}: {@code principal}
     * over the loan's remaining due dates ({@link Reshape#LOWER_INSTALLMENT}), or over as few of
     * them as keep each installment no larger than {@code currentLevel} ({@link Reshape#SHORTEN_TERM}:
     * the installment for equal installments, the principal part for equal principal). Interest
     * from {@code from} to the first remaining due date runs on actual days unless that is a
     * whole month.
     */
    public Schedule reschedule(BigDecimal principal, BigDecimal annualRate, RepaymentMethod method, LocalDate from,
                               List<LocalDate> remainingDueDates, Reshape reshape, BigDecimal currentLevel) {
        int periods = remainingDueDates.size();
        if (reshape == Reshape.SHORTEN_TERM) {
            periods = switch (method) {
                case EQUAL_INSTALLMENT -> fewestPeriods(periods,
                        n -> installment(new ScheduleRequest(principal, annualRate, n, method, from)), currentLevel);
                case EQUAL_PRINCIPAL -> fewestPeriods(periods,
                        n -> principal.divide(BigDecimal.valueOf(n), Money.PRECISION), currentLevel);
                case INTEREST_FIRST, BULLET -> throw new IllegalArgumentException(
                        method + " repays principal at maturity; a prepayment cannot shorten its term");
            };
        }
        return schedule(new ScheduleRequest(principal, annualRate, periods, method, from),
                remainingDueDates.subList(0, periods));
    }

    private interface LevelOf {
        BigDecimal level(int periods);
    }

    /** The fewest periods, up to {@code most}, whose level amount rounded to the fen is at most {@code ceiling}. */
    private static int fewestPeriods(int most, LevelOf levelOf, BigDecimal ceiling) {
        for (int n = 1; n < most; n++) {
            if (Money.fen(levelOf.level(n)).compareTo(ceiling) <= 0) {
                return n;
            }
        }
        return most;
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
