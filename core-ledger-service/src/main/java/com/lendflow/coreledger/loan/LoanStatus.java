package com.lendflow.coreledger.loan;

/**
 * Where a loan account stands. SETTLED and WRITTEN_OFF are final: no status follows them. A
 * written-off loan still takes money, though: the debt stays collectable and what comes in is
 * booked as recovery income ({@link #takesMoney()}).
 */
public enum LoanStatus {
    ACTIVE, SETTLED, WRITTEN_OFF;

    /** Whether money received for the loan is applied to it (a repayment, or a recovery after write-off). */
    public boolean takesMoney() {
        return this != SETTLED;
    }

    public boolean canTransitionTo(LoanStatus next) {
        return this == ACTIVE && next != ACTIVE;
    }
}
