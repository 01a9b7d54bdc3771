package com.lendflow.coreledger.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where one installment of a loan's current schedule stands: what it asks, what has accrued on it
 * and what has been paid or waived, by component. State is NOT_DUE, DUE (due, within grace), OVERDUE or PAID.
 * {@code carriedInterest} is interest accrued under an earlier schedule version that an extension or
 * restructure carried onto this installment.
 */
record InstallmentPosition(int period, LocalDate periodStart, LocalDate dueDate, String state, BigDecimal principal,
                           BigDecimal interest, BigDecimal interestAccrued, BigDecimal principalPaid,
                           BigDecimal interestPaid, BigDecimal penaltyAccrued, BigDecimal penaltyPaid,
                           BigDecimal interestWaived, BigDecimal penaltyWaived, BigDecimal carriedInterest) {

    InstallmentPosition(int period, LocalDate periodStart, LocalDate dueDate, String state, BigDecimal principal,
                        BigDecimal interest, BigDecimal interestAccrued, BigDecimal principalPaid,
                        BigDecimal interestPaid, BigDecimal penaltyAccrued, BigDecimal penaltyPaid) {
        this(period, periodStart, dueDate, state, principal, interest, interestAccrued, principalPaid, interestPaid,
                penaltyAccrued, penaltyPaid, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    boolean due() {
        return "DUE".equals(state);
    }

    boolean overdue() {
        return "OVERDUE".equals(state);
    }

    boolean paid() {
        return "PAID".equals(state);
    }

    BigDecimal principalOwed() {
        return principal.subtract(principalPaid);
    }

    BigDecimal interestOwed() {
        return interest.subtract(interestPaid).subtract(interestWaived);
    }

    BigDecimal penaltyOwed() {
        return penaltyAccrued.subtract(penaltyPaid).subtract(penaltyWaived);
    }

    /** Accrued but neither paid nor waived: what the books hold as interest receivable for this installment. */
    BigDecimal interestReceivable() {
        return interestAccrued.subtract(interestPaid).subtract(interestWaived);
    }

    /** This installment as if only its penalty were owed: for paying penalty carried onto an installment not due yet. */
    InstallmentPosition penaltyOnly() {
        return new InstallmentPosition(period, periodStart, dueDate, "PAID", principal, interest, interestAccrued,
                principal, interest.subtract(interestWaived), penaltyAccrued, penaltyPaid, interestWaived, penaltyWaived,
                carriedInterest);
    }
}
