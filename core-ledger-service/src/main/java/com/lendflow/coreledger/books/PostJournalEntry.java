package com.lendflow.coreledger.books;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books one balanced entry for one business event, once. Everything that can be checked is checked
 * here, with a message a person can act on; the database checks balance and append-only again at
 * commit, so a bug elsewhere cannot slip an unbalanced entry past it.
 */
@Component
class PostJournalEntry {

    /** numeric(19,2): 17 digits before the point. */
    private static final int MAX_INTEGER_DIGITS = 17;

    private final JdbcClient jdbc;
    private final JournalEntries entries;

    PostJournalEntry(JdbcClient jdbc, JournalEntries entries) {
        this.jdbc = jdbc;
        this.entries = entries;
    }

    @Transactional
    JournalEntry post(PostEntry command) {
        return post(command, null);
    }

    /** Posts {@code command}, or returns the entry its event already posted. */
    @Transactional
    JournalEntry post(PostEntry command, UUID reverses) {
        List<Posting> lines = validated(command);
        UUID id = UUID.randomUUID();
        // ON CONFLICT on the event id alone: a redelivered event waits for the first delivery to commit,
        // then finds its entry. Any other conflict (a second reversal of one entry) is an error.
        List<Instant> postedAt = jdbc.sql("""
                        insert into journal_entry (id, business_date, event_type, event_id, loan_id, reverses, memo)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (event_id) do nothing
                        returning posted_at
                        """)
                .params(id, command.businessDate(), command.eventType(), command.eventId(), command.loanId(), reverses,
                        command.memo())
                .query((rs, row) -> rs.getObject("posted_at", OffsetDateTime.class).toInstant())
                .list();
        if (postedAt.isEmpty()) {
            return entries.findByEventId(command.eventId()).orElseThrow();
        }
        // All the lines in one statement, and the entry returned as written rather than read back:
        // three round trips fewer for a three-line entry (docs/benchmarks.md, "Ledger postings").
        StringJoiner rows = new StringJoiner(", ");
        List<Object> values = new ArrayList<>(lines.size() * 6);
        int lineNo = 0;
        for (Posting line : lines) {
            rows.add("(?, ?, ?, ?, ?, ?)");
            values.addAll(Arrays.asList(id, ++lineNo, line.account(), line.side().name(), line.amount(),
                    line.fundingPartner()));
        }
        jdbc.sql("insert into journal_line (entry_id, line_no, account_code, side, amount, funding_partner) values "
                        + rows)
                .params(values)
                .update();
        return new JournalEntry(id, command.businessDate(), postedAt.getFirst(), command.eventType(), command.eventId(),
                command.loanId(), reverses, command.memo(), lines);
    }

    private List<Posting> validated(PostEntry command) {
        if (command == null) {
            throw new PostingRefused("no entry to post");
        }
        String what = "entry for event " + command.eventId();
        if (command.businessDate() == null) {
            throw new PostingRefused(what + ": no business date");
        }
        if (blank(command.eventType()) || blank(command.eventId())) {
            throw new PostingRefused(what + ": needs an event type and an event id");
        }
        if (command.lines() == null || command.lines().size() < 2) {
            throw new PostingRefused(what + ": needs at least two lines, has "
                    + (command.lines() == null ? 0 : command.lines().size()));
        }
        List<Posting> lines = new ArrayList<>();
        BigDecimal debits = Money.ZERO;
        BigDecimal credits = Money.ZERO;
        for (int i = 0; i < command.lines().size(); i++) {
            Posting line = command.lines().get(i);
            String where = what + ", line " + (i + 1) + ": ";
            if (line == null || blank(line.account()) || line.side() == null || line.amount() == null) {
                throw new PostingRefused(where + "needs an account, a side and an amount");
            }
            BigDecimal amount = fen(line.amount(), where);
            if (amount.signum() <= 0) {
                throw new PostingRefused(where + "amount must be positive, was " + line.amount().toPlainString());
            }
            if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
                throw new PostingRefused(where + "amount " + amount.toPlainString() + " is too large");
            }
            if (line.side() == Side.DEBIT) {
                debits = debits.add(amount);
            } else {
                credits = credits.add(amount);
            }
            lines.add(new Posting(line.account(), line.side(), amount, line.fundingPartner()));
        }
        if (debits.compareTo(credits) != 0) {
            throw new PostingRefused(what + " is unbalanced: debits " + debits.toPlainString() + " <> credits "
                    + credits.toPlainString());
        }
        Set<String> unknown = new TreeSet<>(lines.stream().map(Posting::account).toList());
        unknown.removeAll(jdbc.sql("select code from account where code in (:codes)")
                .param("codes", List.copyOf(unknown)).query(String.class).list());
        if (!unknown.isEmpty()) {
            throw new PostingRefused(what + ": unknown account(s) " + String.join(", ", unknown));
        }
        return lines;
    }

    /** Whole fen only: 100.000 is 100.00, but 0.001 is a fraction of a fen and refused rather than rounded. */
    private static BigDecimal fen(BigDecimal amount, String where) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException fractionOfAFen) {
            throw new PostingRefused(where + "amount " + amount.toPlainString() + " has a fraction of a fen");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
