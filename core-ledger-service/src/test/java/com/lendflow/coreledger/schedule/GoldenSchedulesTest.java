package com.lendflow.coreledger.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schedules checked against figures computed independently of this code: by hand where short,
 * otherwise with a separate Python 3 script (the {@code decimal} module at 50 significant digits,
 * quantize(Decimal("0.01"), ROUND_HALF_UP), the same rules, written from ARCHITECTURE.md, not
 * from the Java). Each test says how its figures came about.
 */
class GoldenSchedulesTest {

    private final ScheduleEngine engine = new ScheduleEngine();

    /*
     * By hand, confirmed in Python: r = 0.09125/12 = 0.00760416…; (1+r)^3 = 1.02298640975…;
     * installment = 100 · r · 1.0229864 / 0.0229864 = 33.84155… → 33.84.
     * 1: interest 100.00 · r = 0.76041… → 0.76, principal 33.84 − 0.76 = 33.08, left 66.92
     * 2: interest  66.92 · r = 0.50887… → 0.51, principal 33.33, left 33.59
     * 3: interest  33.59 · r = 0.25542… → 0.26, principal the remaining 33.59, total 33.85
     * Interest 1.53, repayment 101.53.
     */
    @Test
    void borrowsHundredYuanOverThreeMonthsInEqualInstallments() {
        Schedule schedule = engine.schedule(new ScheduleRequest(yuan("100.00"), rate("0.09125"), 3,
                RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.parse("2026-01-15")));

        assertRows(schedule,
                row(1, "2026-02-15", "33.08", "0.76", "33.84", "66.92"),
                row(2, "2026-03-15", "33.33", "0.51", "33.84", "33.59"),
                row(3, "2026-04-15", "33.59", "0.26", "33.85", "0.00"));
        assertTotals(schedule, "1.53", "101.53");
    }

    /*
     * The 100-yuan loan with 7 interest-free days: 100.00 · 0.09125 · 7 / 365 = 0.17500 → 0.18 off the
     * first installment's 0.76 interest, which becomes 0.58 (installment 33.66); principal unchanged.
     */
    @Test
    void interestFreeDaysTakeTheirInterestOffTheFirstInstallmentOnly() {
        Schedule plain = engine.schedule(new ScheduleRequest(yuan("100.00"), rate("0.09125"), 3,
                RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.parse("2026-01-15")));

        Schedule schedule = engine.withInterestFreeDays(plain, yuan("100.00"), rate("0.09125"), 7);

        assertRows(schedule,
                row(1, "2026-02-15", "33.08", "0.58", "33.66", "66.92"),
                row(2, "2026-03-15", "33.33", "0.51", "33.84", "33.59"),
                row(3, "2026-04-15", "33.59", "0.26", "33.85", "0.00"));
        assertTotals(schedule, "1.35", "101.35");
    }

    /* 100.00 · 0.146 · 60 / 365 = 2.40, more than the first period's 100 · 0.146/12 = 1.2166… → 1.22: all of it, no less. */
    @Test
    void interestFreeDaysNeverTakeTheFirstInstallmentsInterestBelowZero() {
        Schedule plain = engine.schedule(new ScheduleRequest(yuan("100.00"), rate("0.146"), 3,
                RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.parse("2026-01-15")));

        Schedule schedule = engine.withInterestFreeDays(plain, yuan("100.00"), rate("0.146"), 60);

        assertThat(schedule.installments().getFirst().interest()).isEqualByComparingTo("0.00");
        assertThat(schedule.installments().getFirst().total()).isEqualByComparingTo(
                plain.installments().getFirst().principal());
        assertThat(schedule.installments().subList(1, 3)).isEqualTo(plain.installments().subList(1, 3));
    }

    /*
     * Python: r = 0.239/12 = 0.0199166…; (1+r)^24 = 1.60528641230…; installment = 528.21199… → 528.21.
     * 1: interest 10000.00 · r = 199.1666… → 199.17, principal 329.04, left 9670.96
     * 24: left after 23 periods 517.97; interest 517.97 · r = 10.3162… → 10.32; total 528.29
     * Interest over the term 2677.12. Due on the 31st: February falls back to the 28th.
     */
    @Test
    void borrowsTenThousandOverTwoYearsAtTheTopRate() {
        Schedule schedule = engine.schedule(new ScheduleRequest(yuan("10000.00"), rate("0.239"), 24,
                RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.parse("2026-01-31")));

        List<Installment> rows = schedule.installments();
        assertThat(rows).hasSize(24);
        assertRow(rows.get(0), row(1, "2026-02-28", "329.04", "199.17", "528.21", "9670.96"));
        assertRow(rows.get(1), row(2, "2026-03-31", "335.60", "192.61", "528.21", "9335.36"));
        assertRow(rows.get(22), row(23, "2027-12-31", "507.78", "20.43", "528.21", "517.97"));
        assertRow(rows.get(23), row(24, "2028-01-31", "517.97", "10.32", "528.29", "0.00"));
        assertTotals(schedule, "2677.12", "12677.12");
    }

    /*
     * Python, checkable by hand: principal 1000/7 = 142.857… → 142.86 for six months, the last
     * takes 1000 − 6 · 142.86 = 142.84; interest on what is left at 1.25% a month.
     */
    @Test
    void borrowsAThousandOverSevenMonthsInEqualPrincipal() {
        Schedule schedule = engine.schedule(new ScheduleRequest(yuan("1000.00"), rate("0.15"), 7,
                RepaymentMethod.EQUAL_PRINCIPAL, LocalDate.parse("2026-01-31")));

        assertRows(schedule,
                row(1, "2026-02-28", "142.86", "12.50", "155.36", "857.14"),
                row(2, "2026-03-31", "142.86", "10.71", "153.57", "714.28"),
                row(3, "2026-04-30", "142.86", "8.93", "151.79", "571.42"),
                row(4, "2026-05-31", "142.86", "7.14", "150.00", "428.56"),
                row(5, "2026-06-30", "142.86", "5.36", "148.22", "285.70"),
                row(6, "2026-07-31", "142.86", "3.57", "146.43", "142.84"),
                row(7, "2026-08-31", "142.84", "1.79", "144.63", "0.00"));
        assertTotals(schedule, "50.00", "1050.00");
    }

    /* By hand: 10000 · 0.18 / 12 = 150.00 every month; the principal with the sixth. */
    @Test
    void paysInterestFirstAndThePrincipalWithTheLastMonth() {
        Schedule schedule = engine.schedule(new ScheduleRequest(yuan("10000.00"), rate("0.18"), 6,
                RepaymentMethod.INTEREST_FIRST, LocalDate.parse("2026-01-15")));

        List<Installment> rows = schedule.installments();
        assertThat(rows).hasSize(6);
        for (int period = 1; period <= 5; period++) {
            assertRow(rows.get(period - 1), row(period, LocalDate.parse("2026-01-15").plusMonths(period).toString(),
                    "0.00", "150.00", "150.00", "10000.00"));
        }
        assertRow(rows.get(5), row(6, "2026-07-15", "10000.00", "150.00", "10150.00", "0.00"));
        assertTotals(schedule, "900.00", "10900.00");
    }

    /* By hand: 15 January to 15 April 2026 is 31 + 28 + 31 = 90 days; 5000 · 0.1825 · 90 / 365 = 225.00. */
    @Test
    void repaysABulletLoanOnceAtMaturityWithInterestOnActualDays() {
        Schedule schedule = engine.schedule(new ScheduleRequest(yuan("5000.00"), rate("0.1825"), 3,
                RepaymentMethod.BULLET, LocalDate.parse("2026-01-15")));

        assertRows(schedule, row(1, "2026-04-15", "5000.00", "225.00", "5225.00", "0.00"));
        assertTotals(schedule, "225.00", "5225.00");
    }

    /* By hand: 31 January to 28 February is 28 days; 2000 · 0.20 · 28 / 365 = 30.6849… → 30.68. */
    @Test
    void aBulletFromTheThirtyFirstMaturesOnTheLastDayOfAShortMonth() {
        Schedule schedule = engine.schedule(new ScheduleRequest(yuan("2000.00"), rate("0.20"), 1,
                RepaymentMethod.BULLET, LocalDate.parse("2026-01-31")));

        assertRows(schedule, row(1, "2026-02-28", "2000.00", "30.68", "2030.68", "0.00"));
    }

    /*
     * Python: the regular schedule (installment 1020.07; principal 990.07, 999.97, 1009.96) keeps
     * its principal; the long first period (15 January to 1 March, 45 days) takes
     * 3000 · 0.12 · 45 / 365 = 44.3835… → 44.38 instead of 30.00. Later dates fall on the 1st.
     */
    @Test
    void aLongFirstPeriodChargesInterestOnActualDays() {
        Schedule schedule = engine.schedule(new ScheduleRequest(yuan("3000.00"), rate("0.12"), 3,
                RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.parse("2026-01-15"), LocalDate.parse("2026-03-01")));

        assertRows(schedule,
                row(1, "2026-03-01", "990.07", "44.38", "1034.45", "2009.93"),
                row(2, "2026-04-01", "999.97", "20.10", "1020.07", "1009.96"),
                row(3, "2026-05-01", "1009.96", "10.10", "1020.06", "0.00"));
        assertTotals(schedule, "74.58", "3074.58");
    }

    /* By hand: 15 to 25 January is 10 days; 3000 · 0.12 · 10 / 365 = 9.8630… → 9.86. */
    @Test
    void aShortFirstPeriodChargesInterestOnActualDays() {
        Schedule schedule = engine.schedule(new ScheduleRequest(yuan("3000.00"), rate("0.12"), 3,
                RepaymentMethod.INTEREST_FIRST, LocalDate.parse("2026-01-15"), LocalDate.parse("2026-01-25")));

        assertRows(schedule,
                row(1, "2026-01-25", "0.00", "9.86", "9.86", "3000.00"),
                row(2, "2026-02-25", "0.00", "30.00", "30.00", "3000.00"),
                row(3, "2026-03-25", "3000.00", "30.00", "3030.00", "0.00"));
    }

    @Test
    void aFirstDueDateExactlyOneMonthOnIsARegularPeriod() {
        ScheduleRequest regular = new ScheduleRequest(yuan("100.00"), rate("0.09125"), 3,
                RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.parse("2026-01-15"));
        ScheduleRequest named = new ScheduleRequest(yuan("100.00"), rate("0.09125"), 3,
                RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.parse("2026-01-15"), LocalDate.parse("2026-02-15"));

        assertThat(engine.schedule(named)).isEqualTo(engine.schedule(regular));
    }

    /*
     * By hand: 1.00 over 60 months at 0% is 0.0166… a month, 0.02 rounded HALF_UP, which pays the
     * loan off in the 50th month; no period repays more than is outstanding, so ten 0.00 periods follow.
     */
    @Test
    void aTinyLoanOverALongTermIsPaidOffEarlyRatherThanOverdrawn() {
        for (RepaymentMethod method : List.of(RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.EQUAL_PRINCIPAL)) {
            Schedule schedule = engine.schedule(new ScheduleRequest(yuan("1.00"), rate("0"), 60, method,
                    LocalDate.parse("2026-01-15")));

            List<Installment> rows = schedule.installments();
            assertThat(rows.subList(0, 50)).allSatisfy(row -> assertThat(row.principal()).isEqualByComparingTo("0.02"));
            assertRow(rows.get(49), row(50, "2030-03-15", "0.02", "0.00", "0.02", "0.00"));
            assertThat(rows.subList(50, 60)).allSatisfy(row -> assertThat(row.total()).isEqualByComparingTo("0.00"));
            assertTotals(schedule, "0.00", "1.00");
        }
    }

    private record Row(int period, String dueDate, String principal, String interest, String total, String remaining) {
    }

    private static Row row(int period, String dueDate, String principal, String interest, String total, String remaining) {
        return new Row(period, dueDate, principal, interest, total, remaining);
    }

    private static void assertRows(Schedule schedule, Row... expected) {
        assertThat(schedule.installments()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertRow(schedule.installments().get(i), expected[i]);
        }
    }

    private static void assertRow(Installment actual, Row expected) {
        // Exact text, so a wrong scale (33.8 for 33.80) fails too.
        assertThat(new Row(actual.period(), actual.dueDate().toString(), actual.principal().toPlainString(),
                actual.interest().toPlainString(), actual.total().toPlainString(), actual.remainingPrincipal().toPlainString()))
                .isEqualTo(expected);
    }

    private static void assertTotals(Schedule schedule, String interest, String repayment) {
        assertThat(schedule.totalInterest().toPlainString()).isEqualTo(interest);
        assertThat(schedule.totalRepayment().toPlainString()).isEqualTo(repayment);
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    private static BigDecimal rate(String rate) {
        return new BigDecimal(rate);
    }
}
