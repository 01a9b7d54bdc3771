package com.lendflow.coreledger.servicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits a repayment over a loan's installments in the order ARCHITECTURE.md prescribes: penalty,
 * then overdue interest, then overdue principal (each oldest installment first), then the current
 * installment's interest and principal. The current installment is the earliest one neither paid
 * nor overdue: the one due now, or the next one, which a borrower may pay ahead of its due date
 * (its whole interest, even the days not accrued yet). What is left over is an overpayment.
 * Pure: no I/O.
 */
final class RepaymentAllocator {

    private RepaymentAllocator() {
    }

    record Plan(List<Allocation> allocations, BigDecimal leftOver) {

        BigDecimal total(Part component) {
            return allocations.stream().filter(a -> a.component() == component).map(Allocation::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal recognisedOnReceipt() {
            return allocations.stream().map(Allocation::recognisedOnReceipt).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    static Plan allocate(List<InstallmentPosition> installments, BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a repayment must be positive: " + amount);
        }
        List<InstallmentPosition> oldestFirst = installments.stream()
                .sorted(Comparator.comparing(InstallmentPosition::dueDate)).toList();
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (InstallmentPosition installment : oldestFirst) {
            left = take(allocations, left, installment, Part.PENALTY, installment.penaltyOwed(), true);
        }
        for (InstallmentPosition installment : oldestFirst) {
            if (installment.overdue()) {
                left = take(allocations, left, installment, Part.INTEREST, installment.interestOwed(), true);
            }
        }
        for (InstallmentPosition installment : oldestFirst) {
            if (installment.overdue()) {
                left = take(allocations, left, installment, Part.PRINCIPAL, installment.principalOwed(), true);
            }
        }
        Optional<InstallmentPosition> current = current(oldestFirst);
        if (current.isPresent()) {
            left = take(allocations, left, current.get(), Part.INTEREST, current.get().interestOwed(), false);
            left = take(allocations, left, current.get(), Part.PRINCIPAL, current.get().principalOwed(), false);
        }
        return new Plan(List.copyOf(allocations), left);
    }

    /** Everything a repayment can pay now: the sum of the plan for an unlimited amount. */
    static BigDecimal payable(List<InstallmentPosition> installments) {
        BigDecimal total = BigDecimal.ZERO;
        List<InstallmentPosition> oldestFirst = installments.stream()
                .sorted(Comparator.comparing(InstallmentPosition::dueDate)).toList();
        for (InstallmentPosition installment : oldestFirst) {
            total = total.add(installment.penaltyOwed());
            if (installment.overdue()) {
                total = total.add(installment.interestOwed()).add(installment.principalOwed());
            }
        }
        Optional<InstallmentPosition> current = current(oldestFirst);
        if (current.isPresent()) {
            total = total.add(current.get().interestOwed()).add(current.get().principalOwed());
        }
        return total;
    }

    static Optional<InstallmentPosition> current(List<InstallmentPosition> oldestFirst) {
        return oldestFirst.stream().filter(i -> !i.paid() && !i.overdue()).findFirst();
    }

    private static BigDecimal take(List<Allocation> allocations, BigDecimal left, InstallmentPosition installment,
                                   Part component, BigDecimal owed, boolean overdue) {
        if (left.signum() == 0 || owed.signum() <= 0) {
            return left;
        }
        BigDecimal paid = left.min(owed);
        BigDecimal recognised = BigDecimal.ZERO;
        if (component == Part.INTEREST) {
            // Paid beyond what has accrued: the borrower is paying days end of day has not reached yet.
            BigDecimal accruedUnpaid = installment.interestReceivable().max(BigDecimal.ZERO);
            recognised = paid.subtract(accruedUnpaid).max(BigDecimal.ZERO);
        }
        allocations.add(new Allocation(installment.period(), component, overdue, paid, recognised));
        return left.subtract(paid);
    }
}
