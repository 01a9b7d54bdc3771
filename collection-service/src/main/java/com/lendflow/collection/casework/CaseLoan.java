package com.lendflow.collection.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One loan of a case, as core-ledger's events described it. */
public record CaseLoan(UUID caseId, UUID loanId, String state, String bucket, int daysPastDue, LocalDate dpdAsOf,
                       BigDecimal amountOverdue, LocalDate joinedOn) {

    public boolean overdue() {
        return "OVERDUE".equals(state);
    }

    /** Days past due on {@code date}, counted on from the last event while the loan stays overdue. */
    public int daysPastDueOn(LocalDate date) {
        if (!overdue()) {
            return 0;
        }
        return Math.max(0, daysPastDue + (int) (date.toEpochDay() - dpdAsOf.toEpochDay()));
    }
}
