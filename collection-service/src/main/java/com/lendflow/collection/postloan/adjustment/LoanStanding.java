package com.lendflow.collection.postloan.adjustment;

import java.util.UUID;

/** How core-ledger says a loan stands now: whose it is, ACTIVE / SETTLED / WRITTEN_OFF, and its days past due. */
record LoanStanding(UUID loanId, UUID customerId, String status, int daysPastDue) {

    boolean active() {
        return "ACTIVE".equals(status);
    }
}
