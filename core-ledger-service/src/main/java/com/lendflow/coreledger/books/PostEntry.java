package com.lendflow.coreledger.books;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Book what a business event did. {@code eventId} is the event's idempotency key: posting the
 * same event again returns the entry it already posted. {@code loanId} and {@code memo} may be null.
 */
public record PostEntry(LocalDate businessDate, String eventType, String eventId, UUID loanId, String memo,
                        List<Posting> lines) {

    public PostEntry {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
