package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Core-ledger applied an {@link AdjustLoan}: {@code scheduleVersion} is the loan's schedule after it,
 * {@code amount} what the entry moved (waived, written off, or rescheduled principal), booked on
 * {@code effectiveOn} in journal entry {@code journalEntryId} (null when no money moved).
 */
public record LoanAdjusted(String requestId, UUID loanId, UUID customerId, String kind, int scheduleVersion, String amount,
                           UUID journalEntryId, LocalDate effectiveOn) {

    public static final MessageType<LoanAdjusted> TYPE = MessageType.of("LoanAdjusted", 1, LoanAdjusted.class);
}
