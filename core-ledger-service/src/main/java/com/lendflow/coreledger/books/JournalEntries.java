package com.lendflow.coreledger.books;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Posted entries, read back with their lines in line order. */
@Component
class JournalEntries {

    private static final String SELECT_ENTRY = """
            select id, business_date, posted_at, event_type, event_id, loan_id, reverses, memo
              from journal_entry
            """;

    private final JdbcClient jdbc;

    JournalEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<JournalEntry> findById(UUID id) {
        return find(SELECT_ENTRY + " where id = ?", id);
    }

    Optional<JournalEntry> findByEventId(String eventId) {
        return find(SELECT_ENTRY + " where event_id = ?", eventId);
    }

    Optional<JournalEntry> findReversalOf(UUID id) {
        return find(SELECT_ENTRY + " where reverses = ?", id);
    }

    /** Uses the partial index journal_entry_loan. */
    List<JournalEntry> findByLoanId(UUID loanId) {
        return query(SELECT_ENTRY + " where loan_id = ? order by posted_at, id", loanId).list().stream()
                .map(this::withLines).toList();
    }

    private Optional<JournalEntry> find(String sql, Object key) {
        return query(sql, key).optional().map(this::withLines);
    }

    private JournalEntry withLines(JournalEntry entry) {
        return new JournalEntry(entry.id(), entry.businessDate(), entry.postedAt(), entry.eventType(), entry.eventId(),
                entry.loanId(), entry.reverses(), entry.memo(), lines(entry.id()));
    }

    private JdbcClient.MappedQuerySpec<JournalEntry> query(String sql, Object key) {
        return jdbc.sql(sql).param(key)
                .query((rs, row) -> new JournalEntry(rs.getObject("id", UUID.class),
                        rs.getObject("business_date", java.time.LocalDate.class),
                        rs.getObject("posted_at", OffsetDateTime.class).toInstant(), rs.getString("event_type"),
                        rs.getString("event_id"), rs.getObject("loan_id", UUID.class),
                        rs.getObject("reverses", UUID.class), rs.getString("memo"), List.of()));
    }

    private List<Posting> lines(UUID entryId) {
        return jdbc.sql("""
                        select account_code, side, amount, funding_partner
                          from journal_line
                         where entry_id = ?
                         order by line_no
                        """)
                .param(entryId)
                .query((rs, row) -> new Posting(rs.getString("account_code"), Side.valueOf(rs.getString("side")),
                        rs.getBigDecimal("amount"), rs.getString("funding_partner")))
                .list();
    }
}
