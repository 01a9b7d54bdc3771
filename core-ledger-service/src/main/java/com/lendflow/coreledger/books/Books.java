package com.lendflow.coreledger.books;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The double-entry books: the one way business events post to the ledger and the ledger is read.
 * Entries balance, are append-only and post once per business event; the database enforces the
 * first two itself (V2__create_books.sql). Refusals are {@link PostingRefused}.
 */
@Service
public class Books {

    private final PostJournalEntry post;
    private final ReverseJournalEntry reverse;
    private final JournalEntries entries;
    private final AccountBalances balances;

    Books(PostJournalEntry post, ReverseJournalEntry reverse, JournalEntries entries, AccountBalances balances) {
        this.post = post;
        this.reverse = reverse;
        this.entries = entries;
        this.balances = balances;
    }

    /** Posts the entry, or returns the one already posted for the same event id, posting nothing. */
    public JournalEntry post(PostEntry command) {
        return post.post(command);
    }

    /** Posts the mirror of an entry (every side swapped), referencing it. A second reversal is refused. */
    public JournalEntry reverse(UUID entryId, String eventId, LocalDate businessDate, String reason) {
        return reverse.reverse(entryId, eventId, businessDate, reason);
    }

    public Optional<JournalEntry> entry(UUID id) {
        return entries.findById(id);
    }

    /** Every entry posted for the loan (reversals included), in posting order. */
    public List<JournalEntry> entriesOfLoan(UUID loanId) {
        return entries.findByLoanId(loanId);
    }

    public Optional<JournalEntry> reversalOf(UUID id) {
        return entries.findReversalOf(id);
    }

    /** Every account's totals over the entries dated on or before {@code asOf}, and the grand totals. */
    public TrialBalance trialBalance(LocalDate asOf) {
        return TrialBalance.of(asOf, balances.asOf(asOf));
    }

    /** Every account of the chart with its totals on or before {@code asOf} (null: everything posted so far). */
    public List<AccountBalance> balances(LocalDate asOf) {
        return balances.asOf(asOf);
    }

    /** Writes the daily balance snapshot of every account for {@code businessDate}; safe to rerun. */
    public void snapshot(LocalDate businessDate) {
        balances.snapshot(businessDate);
    }

    public List<AccountBalance> snapshotOf(LocalDate businessDate) {
        return balances.snapshotOf(businessDate);
    }
}
