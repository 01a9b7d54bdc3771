package com.lendflow.coreledger.loan;

/** Where a loan account stands. SETTLED and WRITTEN_OFF are final. */
public enum LoanStatus {
    ACTIVE, SETTLED, WRITTEN_OFF;

    public boolean canTransitionTo(LoanStatus next) {
        return this == ACTIVE && next != ACTIVE;
    }
}
