package com.lendflow.coreledger.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The journal entry a resolved break booked, with its lines. */
record AdjustmentView(UUID journalEntryId, String breakId, String kind, String direction, String amount, UUID loanId,
                      String fundingPartnerId, LocalDate bookedOn, Instant postedAt, List<Line> lines) {

    record Line(String account, String side, String amount, String fundingPartner) {
    }
}
