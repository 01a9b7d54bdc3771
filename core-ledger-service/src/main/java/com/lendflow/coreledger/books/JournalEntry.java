package com.lendflow.coreledger.books;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A posted, balanced and unchangeable journal entry. {@code reverses} names the entry it compensates, if any. */
public record JournalEntry(UUID id, LocalDate businessDate, Instant postedAt, String eventType, String eventId,
                           UUID loanId, UUID reverses, String memo, List<Posting> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
    }
}
