package com.lendflow.collection.postloan.adjustment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An adjustment as ops see it, amounts as two-decimal strings, with every step it went through. */
public record LoanAdjustmentView(UUID id, UUID loanId, UUID customerId, String kind, Integer extraPeriods, String penalty,
                                 String interest, String annualRate, String reason, int daysPastDue, String state,
                                 String maker, Instant requestedAt, String checker, Instant decidedAt,
                                 String decisionReason, Integer scheduleVersion, String amount, UUID journalEntryId,
                                 LocalDate effectiveOn, String refusalCode, String refusalReason, Instant concludedAt,
                                 List<Step> history) {

    /** One step: the state it reached, who moved it there (the maker, the checker, or "system" for the ledger's answer), when and why. */
    public record Step(String state, String actor, Instant at, String note) {
    }
}
