package com.lendflow.coreledger.servicing;

import static com.lendflow.platform.web.Amounts.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A repayment and how it was allocated, amounts as two-decimal strings. */
record RepaymentView(String id, UUID loanId, Repayment.Kind kind, String amount, LocalDate businessDate,
                     Instant receivedAt, String channel, Repayment.Status status, String refusal, String creditHeld,
                     UUID journalEntryId, Integer newScheduleVersion, UUID reversalEntryId, LocalDate reversedOn,
                     String reversalReason, List<AllocationView> allocations) {

    record AllocationView(Integer scheduleVersion, Integer period, Part component, boolean overdue, String amount) {
    }

    static RepaymentView of(Repayment r, List<ServicedLoans.StoredAllocation> allocations) {
        return new RepaymentView(r.id(), r.loanId(), r.kind(), text(r.amount()), r.businessDate(), r.receivedAt(),
                r.channel(), r.status(), r.refusal(), text(r.creditHeld()), r.journalEntryId(), r.newScheduleVersion(),
                r.reversalEntryId(), r.reversedOn(), r.reversalReason(), allocations.stream()
                .map(a -> new AllocationView(a.scheduleVersion(), a.allocation().period(), a.allocation().component(),
                        a.allocation().overdue(), text(a.allocation().amount())))
                .toList());
    }
}
