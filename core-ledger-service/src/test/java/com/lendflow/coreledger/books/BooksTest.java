package com.lendflow.coreledger.books;

import static com.lendflow.coreledger.books.ChartOfAccounts.FUNDING_PARTNER_CLEARING;
import static com.lendflow.coreledger.books.ChartOfAccounts.LOAN_RECEIVABLE_PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.testsupport.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The double-entry books on the real PostgreSQL: balanced, append-only, posted once, reversed by compensation. */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class BooksTest {

    @Autowired Books books;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @AfterEach
    void theBooksStillBalance() {
        LedgerInvariants.check(jdbc);
    }

    @Test
    void disbursingHundredYuanPostsOneBalancedEntry() {
        Map<String, BigDecimal> before = balances(Entries.MID_JANUARY);
        PostEntry disbursement = Entries.disbursement("100.00");

        JournalEntry entry = books.post(disbursement);

        assertThat(entry.eventId()).isEqualTo(disbursement.eventId());
        assertThat(entry.lines()).containsExactly(
                new Posting(LOAN_RECEIVABLE_PRINCIPAL, Side.DEBIT, new BigDecimal("100.00"), Entries.PARTNER),
                new Posting(FUNDING_PARTNER_CLEARING, Side.CREDIT, new BigDecimal("100.00"), Entries.PARTNER));
        // The entry handed back is the one stored, to the line and the posting time.
        assertThat(books.entry(entry.id())).contains(entry);
        Map<String, BigDecimal> after = balances(Entries.MID_JANUARY);
        assertThat(after.get(LOAN_RECEIVABLE_PRINCIPAL).subtract(before.get(LOAN_RECEIVABLE_PRINCIPAL)))
                .isEqualByComparingTo("100.00");
        assertThat(after.get(FUNDING_PARTNER_CLEARING).subtract(before.get(FUNDING_PARTNER_CLEARING)))
                .isEqualByComparingTo("-100.00");
        TrialBalance trialBalance = books.trialBalance(Entries.MID_JANUARY);
        assertThat(trialBalance.balanced()).isTrue();
        assertThat(trialBalance.debitTotal()).isEqualByComparingTo(trialBalance.creditTotal());
        assertThat(trialBalance.accounts()).hasSize(18);
    }

    @Test
    void anUnbalancedEntryIsRefusedBeforeTheDatabase() {
        long entries = entryCount();

        assertThatThrownBy(() -> books.post(Entries.withLines(
                Posting.debit(LOAN_RECEIVABLE_PRINCIPAL, new BigDecimal("100.00")),
                Posting.credit(FUNDING_PARTNER_CLEARING, new BigDecimal("99.99")))))
                .isInstanceOf(PostingRefused.class)
                .hasMessageContaining("unbalanced: debits 100.00 <> credits 99.99");
        assertThat(entryCount()).isEqualTo(entries);
    }

    /* Bypassing Java: the lines of one transaction do not balance, and the database refuses the commit. */
    @Test
    void theDatabaseRefusesToCommitAnUnbalancedEntry() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "insert into journal_entry (id, business_date, event_type, event_id) "
                        + "values (?, date '2026-01-15', 'DrawdownDisbursed', ?)", id, Entries.eventId());
                execute(connection, "insert into journal_line (entry_id, line_no, account_code, side, amount) "
                        + "values (?, 1, '1101', 'DEBIT', 100.00)", id);
                execute(connection, "insert into journal_line (entry_id, line_no, account_code, side, amount) "
                        + "values (?, 2, '2101', 'CREDIT', 90.00)", id);

                assertThatThrownBy(connection::commit)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("unbalanced: debits 100.00 <> credits 90.00");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertThat(jdbc.sql("select count(*) from journal_entry where id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void theDatabaseRefusesToCommitAnEntryWithoutLines() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "insert into journal_entry (id, business_date, event_type, event_id) "
                        + "values (?, date '2026-01-15', 'DrawdownDisbursed', ?)", UUID.randomUUID(), Entries.eventId());

                assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("at least two");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.001", "-5.00", "0.00", "100.005"})
    void aFractionOfAFenOrANonPositiveAmountIsRefused(String amount) {
        long entries = entryCount();

        assertThatThrownBy(() -> books.post(Entries.withLines(
                Posting.debit(LOAN_RECEIVABLE_PRINCIPAL, new BigDecimal(amount)),
                Posting.credit(FUNDING_PARTNER_CLEARING, new BigDecimal(amount)))))
                .isInstanceOf(PostingRefused.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining(amount);
        assertThat(entryCount()).isEqualTo(entries);
    }

    @Test
    void aSingleLineOrAnUnknownAccountIsRefused() {
        assertThatThrownBy(() -> books.post(Entries.withLines(Posting.debit(LOAN_RECEIVABLE_PRINCIPAL, BigDecimal.TEN))))
                .isInstanceOf(PostingRefused.class).hasMessageContaining("at least two lines");
        assertThatThrownBy(() -> books.post(Entries.withLines(Posting.debit("1234", BigDecimal.TEN),
                Posting.credit(FUNDING_PARTNER_CLEARING, BigDecimal.TEN))))
                .isInstanceOf(PostingRefused.class).hasMessageContaining("unknown account(s) 1234");
    }

    @Test
    void aPostedLineCannotBeChangedOrDeleted() {
        JournalEntry entry = books.post(Entries.disbursement("100.00"));

        assertThatThrownBy(() -> jdbc.sql("update journal_line set amount = 1000.00 where entry_id = ?").param(entry.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("journal_line is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("delete from journal_line where entry_id = ?").param(entry.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("journal_line is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("update journal_entry set memo = 'never happened' where id = ?").param(entry.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("journal_entry is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("delete from journal_entry where id = ?").param(entry.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("journal_entry is append-only: DELETE refused");
        assertThat(books.entry(entry.id())).contains(entry);
    }

    @Test
    void aRedeliveredEventPostsOnce() {
        PostEntry disbursement = Entries.disbursement("100.00");
        long entries = entryCount();

        JournalEntry first = books.post(disbursement);
        JournalEntry again = books.post(disbursement);

        assertThat(again).isEqualTo(first);
        assertThat(entryCount()).isEqualTo(entries + 1);
        assertThat(jdbc.sql("select count(*) from journal_line where entry_id = ?").param(first.id()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aReversalPostsTheMirrorAndRestoresTheBalances() {
        LocalDate day = LocalDate.of(2026, 1, 20);
        Map<String, BigDecimal> before = balances(day);
        JournalEntry disbursement = books.post(Entries.disbursement(day, "100.00"));

        JournalEntry reversal = books.reverse(disbursement.id(), Entries.eventId(), day, "disbursed to a closed card");

        assertThat(reversal.reverses()).isEqualTo(disbursement.id());
        assertThat(reversal.loanId()).isEqualTo(disbursement.loanId());
        assertThat(reversal.memo()).isEqualTo("disbursed to a closed card");
        assertThat(reversal.lines()).containsExactly(
                new Posting(LOAN_RECEIVABLE_PRINCIPAL, Side.CREDIT, new BigDecimal("100.00"), Entries.PARTNER),
                new Posting(FUNDING_PARTNER_CLEARING, Side.DEBIT, new BigDecimal("100.00"), Entries.PARTNER));
        assertThat(books.entry(disbursement.id())).as("the original is never edited").contains(disbursement);
        Map<String, BigDecimal> after = balances(day);
        before.forEach((account, balance) -> assertThat(after.get(account)).as(account).isEqualByComparingTo(balance));
    }

    @Test
    void anEntryIsReversedOnlyOnce() {
        JournalEntry disbursement = books.post(Entries.disbursement("100.00"));
        String reversalEvent = Entries.eventId();
        JournalEntry reversal = books.reverse(disbursement.id(), reversalEvent, Entries.MID_JANUARY, "duplicate payout");
        long entries = entryCount();

        assertThat(books.reverse(disbursement.id(), reversalEvent, Entries.MID_JANUARY, "duplicate payout"))
                .as("the same reversal event redelivered").isEqualTo(reversal);
        assertThatThrownBy(() -> books.reverse(disbursement.id(), Entries.eventId(), Entries.MID_JANUARY, "again"))
                .isInstanceOf(PostingRefused.class)
                .hasMessageContaining("already reversed by entry " + reversal.id());
        assertThat(entryCount()).isEqualTo(entries);
    }

    @Test
    void theDatabaseRefusesASecondReversalToo() {
        JournalEntry disbursement = books.post(Entries.disbursement("100.00"));
        books.reverse(disbursement.id(), Entries.eventId(), Entries.MID_JANUARY, "duplicate payout");

        assertThatThrownBy(() -> jdbc.sql("insert into journal_entry (id, business_date, event_type, event_id, reverses) "
                        + "values (?, date '2026-01-15', 'EntryReversed', ?, ?)")
                .params(UUID.randomUUID(), Entries.eventId(), disbursement.id()).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("journal_entry_reverses_key");
    }

    @Test
    void theDailySnapshotIsTheTrialBalanceOfThatDateAndRerunningItChangesNothing() {
        LocalDate monthEnd = LocalDate.of(2026, 1, 31);
        books.post(Entries.disbursement(LocalDate.of(2026, 1, 30), "300.00"));
        books.post(Entries.interestAccrual(monthEnd, "0.08"));
        books.post(Entries.disbursement(monthEnd.plusDays(1), "50.00"));

        books.snapshot(monthEnd);

        TrialBalance trialBalance = books.trialBalance(monthEnd);
        List<AccountBalance> snapshot = books.snapshotOf(monthEnd);
        assertThat(snapshot).hasSameSizeAs(trialBalance.accounts());
        for (int i = 0; i < snapshot.size(); i++) {
            AccountBalance taken = snapshot.get(i);
            AccountBalance computed = trialBalance.accounts().get(i);
            assertThat(taken.code()).isEqualTo(computed.code());
            assertThat(taken.debitTotal()).as(taken.code()).isEqualByComparingTo(computed.debitTotal());
            assertThat(taken.creditTotal()).as(taken.code()).isEqualByComparingTo(computed.creditTotal());
            assertThat(taken.balance()).as(taken.code()).isEqualByComparingTo(computed.balance());
        }
        List<String> rows = snapshotRows(monthEnd);

        books.snapshot(monthEnd);

        assertThat(snapshotRows(monthEnd)).isEqualTo(rows);
    }

    private List<String> snapshotRows(LocalDate businessDate) {
        return jdbc.sql("select s::text from account_balance_snapshot s where business_date = ? order by account_code")
                .param(businessDate).query(String.class).list();
    }

    private Map<String, BigDecimal> balances(LocalDate asOf) {
        return books.balances(asOf).stream().collect(Collectors.toMap(AccountBalance::code, AccountBalance::balance));
    }

    private long entryCount() {
        return jdbc.sql("select count(*) from journal_entry").query(Long.class).single();
    }

    private static void execute(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
