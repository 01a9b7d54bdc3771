package com.lendflow.coreledger.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What must hold for every schedule the engine can be asked for: principal 1.00 to 1,000,000.00,
 * APR 0 to 24% (six decimals), 1 to 60 months, every method, any start date.
 *
 * <p>Property-based, on plain JUnit: each property is checked on {@value #CASES} loans drawn from
 * a seeded generator, so a failure names the loan and reruns identically. Set the system
 * property {@code lendflow.properties.seed} to explore other loans.
 */
class ScheduleEngineProperties {

    private static final BigDecimal FEN = new BigDecimal("0.01");
    private static final int CASES = 1000;
    private static final long SEED = Long.getLong("lendflow.properties.seed", 20261128L);

    private final ScheduleEngine engine = new ScheduleEngine();

    @ParameterizedTest
    @MethodSource("anyLoan")
    void principalPartsAddUpToTheLoanExactly(ScheduleRequest loan) {
        assertAddsUp(loan, engine.schedule(loan));
    }

    @ParameterizedTest
    @MethodSource("anyLoan")
    void noAmountIsEverNegative(ScheduleRequest loan) {
        assertNothingNegative(engine.schedule(loan));
    }

    @ParameterizedTest
    @MethodSource("anyLoan")
    void theRemainingPrincipalFallsToZeroWithTheLastPeriod(ScheduleRequest loan) {
        assertRunsDown(loan, engine.schedule(loan));
    }

    @ParameterizedTest
    @MethodSource("anyLoan")
    void eachPeriodsTotalIsItsPrincipalPlusItsInterest(ScheduleRequest loan) {
        assertTotals(engine.schedule(loan));
    }

    @ParameterizedTest
    @MethodSource("anyLoan")
    void dueDatesAreMonthlyOnTheStartDay(ScheduleRequest loan) {
        Schedule schedule = engine.schedule(loan);
        List<LocalDate> expected = DueDates.monthly(loan.startDate(), loan.termMonths());
        if (loan.method() == RepaymentMethod.BULLET) {
            assertThat(schedule.installments()).singleElement()
                    .satisfies(only -> assertThat(only.dueDate()).isEqualTo(expected.getLast()));
        } else {
            assertThat(schedule.installments()).extracting(Installment::dueDate).containsExactlyElementsOf(expected);
            assertThat(schedule.installments()).extracting(Installment::period)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, loan.termMonths()).boxed().toList());
        }
    }

    /**
     * All installments but the last are the same amount A, and the last differs by what rounding
     * carried. Why and how far: A is within ½ fen of the exact annuity A* and each interest within
     * ½ fen of exact, so each period moves the outstanding principal less than 1 fen off the exact
     * schedule, and that difference then grows with interest at (1+r) a month. After k periods it
     * is under 1 fen · Σ_{j<k} (1+r)^j, and the last installment is within
     * 1 fen · Σ_{j<n} (1+r)^j of A: n fen at 0%, under 1.9 · n fen at 24% over 60 months.
     *
     * <p>That drift must not exceed the exact last principal A* ÷ (1+r), or the loan is paid off
     * early and the engine caps the later periods (see ScheduleEngine). This only happens to loans
     * of a few fen per period (1.00 over 46 months at 18%, where no whole-fen installment is level);
     * the assumption below excludes exactly those, by the same bound.
     */
    @ParameterizedTest
    @MethodSource("equalInstallmentLoansAboveAFewFenAPeriod")
    void equalInstallmentsDifferOnlyInTheLastPeriodsAdjustment(ScheduleRequest loan) {
        BigDecimal growth = growth(loan);

        List<Installment> rows = engine.schedule(loan).installments();

        BigDecimal installment = rows.getFirst().total();
        assertThat(rows.subList(0, rows.size() - 1))
                .allSatisfy(row -> assertThat(row.total()).isEqualByComparingTo(installment));
        BigDecimal adjustment = rows.getLast().total().subtract(installment).abs();
        assertThat(adjustment).isLessThanOrEqualTo(fenCompounded(growth, loan.termMonths()));
    }

    /** A short or long first period changes only the first period's interest; everything else still holds. */
    @ParameterizedTest
    @MethodSource("anyLoanWithAnyFirstDueDate")
    void anIrregularFirstPeriodKeepsTheScheduleWhole(ScheduleRequest loan) {
        Schedule schedule = engine.schedule(loan);

        assertAddsUp(loan, schedule);
        assertNothingNegative(schedule);
        assertRunsDown(loan, schedule);
        assertTotals(schedule);
        assertThat(schedule.installments().getFirst().dueDate())
                .isEqualTo(loan.method() == RepaymentMethod.BULLET
                        ? loan.firstDueDate().plusMonths(loan.termMonths() - 1)
                        : loan.firstDueDate());
    }

    static Stream<ScheduleRequest> anyLoan() {
        SplittableRandom random = new SplittableRandom(SEED);
        return IntStream.range(0, CASES).mapToObj(i -> randomLoan(random));
    }

    static Stream<ScheduleRequest> anyLoanWithAnyFirstDueDate() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        return IntStream.range(0, CASES).mapToObj(i -> {
            ScheduleRequest loan = randomLoan(random);
            return new ScheduleRequest(loan.principal(), loan.annualRate(), loan.termMonths(), loan.method(),
                    loan.startDate(), loan.startDate().plusDays(random.nextInt(1, 60)));
        });
    }

    /**
     * Equal-installment loans whose exact last principal exceeds the rounding drift bound: the
     * others (a few fen per period) are paid off early by design, and are covered by the other
     * properties and the golden tiny-loan case.
     */
    static Stream<ScheduleRequest> equalInstallmentLoansAboveAFewFenAPeriod() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        return Stream.generate(() -> randomLoan(random))
                .map(loan -> new ScheduleRequest(loan.principal(), loan.annualRate(), loan.termMonths(),
                        RepaymentMethod.EQUAL_INSTALLMENT, loan.startDate()))
                .filter(loan -> ScheduleEngine.installment(loan).divide(growth(loan), MathContext.DECIMAL128)
                        .compareTo(fenCompounded(growth(loan), loan.termMonths() - 1)) > 0)
                .limit(CASES);
    }

    private static ScheduleRequest randomLoan(SplittableRandom random) {
        BigDecimal principal = BigDecimal.valueOf(random.nextLong(100, 100_000_001), 2);
        BigDecimal rate = BigDecimal.valueOf(random.nextLong(0, 240_001), 6);
        int term = random.nextInt(1, 61);
        RepaymentMethod method = RepaymentMethod.values()[random.nextInt(RepaymentMethod.values().length)];
        LocalDate start = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(0, 3 * 366 + 1));
        return new ScheduleRequest(principal, rate, term, method, start);
    }

    private static BigDecimal growth(ScheduleRequest loan) {
        return BigDecimal.ONE.add(loan.annualRate().divide(BigDecimal.valueOf(12), MathContext.DECIMAL128));
    }

    /** 1 fen · Σ_{j<k} (1+r)^j: how far k periods of rounding can carry the outstanding principal. */
    private static BigDecimal fenCompounded(BigDecimal growth, int periods) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < periods; j++) {
            sum = sum.add(growth.pow(j, MathContext.DECIMAL128));
        }
        return FEN.multiply(sum);
    }

    private static void assertAddsUp(ScheduleRequest loan, Schedule schedule) {
        BigDecimal principal = schedule.installments().stream().map(Installment::principal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(principal).isEqualByComparingTo(loan.principal());
    }

    private static void assertNothingNegative(Schedule schedule) {
        assertThat(schedule.installments()).allSatisfy(row -> {
            assertThat(row.principal().signum()).isNotNegative();
            assertThat(row.interest().signum()).isNotNegative();
            assertThat(row.total().signum()).isNotNegative();
            assertThat(row.remainingPrincipal().signum()).isNotNegative();
        });
    }

    private static void assertRunsDown(ScheduleRequest loan, Schedule schedule) {
        BigDecimal outstanding = loan.principal();
        for (Installment row : schedule.installments()) {
            outstanding = outstanding.subtract(row.principal());
            assertThat(row.remainingPrincipal()).isEqualByComparingTo(outstanding);
        }
        assertThat(schedule.installments().getLast().remainingPrincipal().toPlainString()).isEqualTo("0.00");
    }

    private static void assertTotals(Schedule schedule) {
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal repayment = BigDecimal.ZERO;
        for (Installment row : schedule.installments()) {
            assertThat(row.total()).isEqualByComparingTo(row.principal().add(row.interest()));
            assertThat(row.principal().scale()).isEqualTo(2);
            assertThat(row.interest().scale()).isEqualTo(2);
            interest = interest.add(row.interest());
            repayment = repayment.add(row.total());
        }
        assertThat(schedule.totalInterest()).isEqualByComparingTo(interest);
        assertThat(schedule.totalRepayment()).isEqualByComparingTo(repayment);
    }
}
