package com.lendflow.coreledger.books;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoes an entry the only way the books allow: a compensating entry with every side swapped,
 * naming the entry it reverses. An entry is reversed at most once (journal_entry.reverses is unique).
 */
@Component
class ReverseJournalEntry {

    static final String EVENT_TYPE = "EntryReversed";

    private final PostJournalEntry post;
    private final JournalEntries entries;

    ReverseJournalEntry(PostJournalEntry post, JournalEntries entries) {
        this.post = post;
        this.entries = entries;
    }

    @Transactional
    JournalEntry reverse(UUID entryId, String eventId, LocalDate businessDate, String reason) {
        if (entryId == null || reason == null || reason.isBlank()) {
            throw new PostingRefused("a reversal needs the entry to reverse and a reason");
        }
        var redelivered = eventId == null ? null : entries.findByEventId(eventId).orElse(null);
        if (redelivered != null) {
            if (entryId.equals(redelivered.reverses())) {
                return redelivered;
            }
            throw new PostingRefused("event " + eventId + " already posted entry " + redelivered.id()
                    + ", which does not reverse entry " + entryId);
        }
        JournalEntry original = entries.findById(entryId)
                .orElseThrow(() -> new PostingRefused("no journal entry " + entryId + " to reverse"));
        entries.findReversalOf(entryId).ifPresent(reversal -> {
            throw alreadyReversed(entryId, reversal.id());
        });
        PostEntry mirror = new PostEntry(businessDate, EVENT_TYPE, eventId, original.loanId(), reason,
                original.lines().stream().map(Posting::mirrored).toList());
        try {
            return post.post(mirror, entryId);
        } catch (DuplicateKeyException raced) {
            // Another reversal committed between our look and our insert; the transaction is spoiled, so no second look.
            throw alreadyReversed(entryId, null);
        }
    }

    private static PostingRefused alreadyReversed(UUID entryId, UUID reversalId) {
        return new PostingRefused("journal entry " + entryId + " is already reversed"
                + (reversalId == null ? "" : " by entry " + reversalId));
    }
}
