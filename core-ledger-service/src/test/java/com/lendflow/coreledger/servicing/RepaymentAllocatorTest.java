package com.lendflow.coreledger.servicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The allocation order on its own, without a database: penalty, overdue interest, overdue
 * principal (oldest installment first within each), then the current installment's interest and
 * principal. The installments are the 100-yuan loan's: 33.08 + 0.76, 33.35 + 0.51, 33.57 + 0.26.
 */
class RepaymentAllocatorTest {

    static final LocalDate START = LocalDate.of(2026, 1, 15);

    static InstallmentPosition installment(int period, String state, String principal, String interest,
                                           String penalty) {
        BigDecimal interestDue = new BigDecimal(interest);
        return new InstallmentPosition(period, START.plusMonths(period - 1), START.plusMonths(period), state,
                new BigDecimal(principal), interestDue, "NOT_DUE".equals(state) ? BigDecimal.ZERO : interestDue,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(penalty), BigDecimal.ZERO);
    }

    static List<String> described(RepaymentAllocator.Plan plan) {
        return plan.allocations().stream()
                .map(a -> a.period() + " " + a.component() + (a.overdue() ? " overdue " : " ") + a.amount()).toList();
    }

    /** Two installments overdue with penalty, the third not due yet. */
    static List<InstallmentPosition> twoOverdue() {
        return List.of(installment(3, "NOT_DUE", "33.57", "0.26", "0.00"),
                installment(1, "OVERDUE", "33.08", "0.76", "0.52"),
                installment(2, "OVERDUE", "33.35", "0.51", "0.10"));
    }

    @Test
    void penaltyComesFirstThenOverdueInterestThenOverduePrincipalOldestFirst() {
        // 0.52 + 0.10 penalty, 0.76 + 0.51 interest = 1.89; 20.00 − 1.89 = 18.11 to installment 1's principal.
        var plan = RepaymentAllocator.allocate(twoOverdue(), new BigDecimal("20.00"));

        assertThat(described(plan)).containsExactly("1 PENALTY overdue 0.52", "2 PENALTY overdue 0.10",
                "1 INTEREST overdue 0.76", "2 INTEREST overdue 0.51", "1 PRINCIPAL overdue 18.11");
        assertThat(plan.leftOver()).isEqualByComparingTo("0");
    }

    @Test
    void whatTheOverdueInstallmentsLeaveGoesToTheCurrentOneInterestFirst() {
        // Overdue total 0.62 + 1.27 + 66.43 = 68.32; 70.00 leaves 1.68: 0.26 interest, 1.42 principal.
        var plan = RepaymentAllocator.allocate(twoOverdue(), new BigDecimal("70.00"));

        assertThat(described(plan)).endsWith("1 PRINCIPAL overdue 33.08", "2 PRINCIPAL overdue 33.35",
                "3 INTEREST 0.26", "3 PRINCIPAL 1.42");
        assertThat(plan.total(Part.PRINCIPAL)).isEqualByComparingTo("67.85");
    }

    @Test
    void payingTheCurrentInstallmentBeforeEndOfDayAccruedItRecognisesTheRestOfItsInterestOnReceipt() {
        var plan = RepaymentAllocator.allocate(List.of(installment(1, "NOT_DUE", "33.08", "0.76", "0.00")),
                new BigDecimal("33.84"));

        assertThat(described(plan)).containsExactly("1 INTEREST 0.76", "1 PRINCIPAL 33.08");
        assertThat(plan.recognisedOnReceipt()).isEqualByComparingTo("0.76");
    }

    @Test
    void moreThanIsPayableNowIsLeftOverAndOnlyTheCurrentInstallmentIsTaken() {
        var installments = List.of(installment(1, "DUE", "33.08", "0.76", "0.00"),
                installment(2, "NOT_DUE", "33.35", "0.51", "0.00"));

        var plan = RepaymentAllocator.allocate(installments, new BigDecimal("40.00"));

        assertThat(described(plan)).containsExactly("1 INTEREST 0.76", "1 PRINCIPAL 33.08");
        assertThat(plan.leftOver()).isEqualByComparingTo("6.16");
        assertThat(RepaymentAllocator.payable(installments)).isEqualByComparingTo("33.84");
    }

    @Test
    void nothingOrLessIsNotARepayment() {
        assertThatThrownBy(() -> RepaymentAllocator.allocate(twoOverdue(), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Seeded random loans and amounts: whatever the figures, money is neither lost nor made up. */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026, 31337})
    void everyFenIsAllocatedOrLeftOverAndNoPartIsOverpaid(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<InstallmentPosition> installments = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int period = 1; period <= count; period++) {
                String state = List.of("OVERDUE", "DUE", "NOT_DUE", "PAID").get(random.nextInt(4));
                installments.add(installment(period, state, cents(random, 1, 500_000), cents(random, 0, 5_000),
                        "OVERDUE".equals(state) ? cents(random, 0, 2_000) : "0.00"));
            }
            BigDecimal amount = new BigDecimal(cents(random, 1, 3_000_000));

            var plan = RepaymentAllocator.allocate(installments, amount);

            BigDecimal allocated = plan.allocations().stream().map(Allocation::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(allocated.add(plan.leftOver())).isEqualByComparingTo(amount);
            assertThat(plan.leftOver().signum()).isNotNegative();
            assertThat(allocated.min(RepaymentAllocator.payable(installments)))
                    .isEqualByComparingTo(allocated);
            if (plan.leftOver().signum() > 0) {
                assertThat(allocated).isEqualByComparingTo(RepaymentAllocator.payable(installments));
            }
            assertThat(plan.allocations()).allSatisfy(a -> assertThat(a.amount().signum()).isPositive());
        }
    }

    static String cents(Random random, int min, int max) {
        return BigDecimal.valueOf(min + random.nextInt(max - min + 1), 2).toPlainString();
    }
}
