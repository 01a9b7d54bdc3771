package com.lendflow.coreledger.servicing;

import java.util.List;
import java.util.UUID;

/**
 * A customer's loans for collection-service, newest first. {@code outstandingPrincipal} is the
 * principal the borrower still owes: for a WRITTEN_OFF loan, what was written off less what
 * recoveries have repaid of it.
 */
record CustomerLoansView(UUID customerId, List<Loan> loans) {

    record Loan(UUID loanId, UUID drawdownId, String productCode, String status, String principal,
                String outstandingPrincipal, int daysPastDue, String bucket) {
    }
}
