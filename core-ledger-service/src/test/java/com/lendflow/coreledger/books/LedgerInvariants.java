package com.lendflow.coreledger.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold in the books after every ledger test, read straight from the tables rather than
 * through the code under test: every entry has at least two lines and its debits equal its
 * credits, the trial balance is zero on every business date, and so is every daily snapshot.
 */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void check(JdbcClient jdbc) {
        assertThat(jdbc.sql("""
                        select e.id || ' (' || e.event_type || '): ' || count(l.line_no) || ' lines, debits '
                               || coalesce(sum(l.amount) filter (where l.side = 'DEBIT'), 0) || ', credits '
                               || coalesce(sum(l.amount) filter (where l.side = 'CREDIT'), 0)
                          from journal_entry e
                          left join journal_line l on l.entry_id = e.id
                         group by e.id
                        having count(l.line_no) < 2
                            or coalesce(sum(l.amount) filter (where l.side = 'DEBIT'), 0)
                               <> coalesce(sum(l.amount) filter (where l.side = 'CREDIT'), 0)
                        """).query(String.class).list())
                .as("journal entries that do not balance")
                .isEmpty();

        assertThat(jdbc.sql("""
                        select coalesce(sum(case l.side when 'DEBIT' then l.amount else -l.amount end), 0)
                          from journal_line l
                        """).query(BigDecimal.class).single())
                .as("trial balance over everything posted")
                .isEqualByComparingTo("0");

        assertThat(jdbc.sql("""
                        select e.business_date::text
                          from journal_entry e
                          join journal_line l on l.entry_id = e.id
                         group by e.business_date
                        having sum(case l.side when 'DEBIT' then l.amount else -l.amount end) <> 0
                        """).query(String.class).list())
                .as("business dates whose postings do not net to zero, so the trial balance at them is not zero")
                .isEmpty();

        assertThat(jdbc.sql("""
                        select business_date::text
                          from account_balance_snapshot
                         group by business_date
                        having sum(balance) <> 0 or sum(debit_total) <> sum(credit_total)
                        """).query(String.class).list())
                .as("daily snapshots whose trial balance is not zero")
                .isEmpty();
    }
}
