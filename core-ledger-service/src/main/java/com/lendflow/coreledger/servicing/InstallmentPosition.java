package com.lendflow.coreledger.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where one installment of a loan's current schedule stands: what it asks, what has accrued on it
 * and what has been paid, by component. State is NOT_DUE, DUE (due, within grace), OVERDUE or PAID.
 */
record InstallmentPosition(int period, LocalDate periodStart, LocalDate dueDate, String state, BigDecimal principal,
                           BigDecimal interest, BigDecimal interestAccrued, BigDecimal principalPaid,
                           BigDecimal interestPaid, BigDecimal penaltyAccrued, BigDecimal penaltyPaid) {

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
        return interest.subtract(interestPaid);
    }

    BigDecimal penaltyOwed() {
        return penaltyAccrued.subtract(penaltyPaid);
    }

    /** Accrued but not paid: what the books hold as interest receivable for this installment. */
    BigDecimal interestReceivable() {
        return interestAccrued.subtract(interestPaid);
    }
}
