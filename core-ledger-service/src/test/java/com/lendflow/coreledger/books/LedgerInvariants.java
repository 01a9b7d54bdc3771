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

    /**
     * The loan sub-ledger agrees with the general ledger: principal receivable is the loans'
     * outstanding principal, interest and penalty receivable are what the current schedules have
     * accrued and not been paid or waived (a written-off loan's went to the write-off accounts, and
     * what it wrote off is what its installments owed), and every loan's outstanding principal is its principal less what
     * was repaid and written off; every schedule version schedules the principal not prepaid before it.
     */
    public static void checkSubLedger(JdbcClient jdbc) {
        agrees(jdbc, "select coalesce(sum(outstanding_principal), 0) from loan_account", "1101",
                "loans' outstanding principal less the principal receivable account");
        agrees(jdbc, CURRENT_INSTALLMENTS.formatted("i.interest_accrued - i.interest_paid - i.interest_waived"), "1102",
                "accrued interest neither paid nor waived of current schedules less the interest receivable account");
        agrees(jdbc, CURRENT_INSTALLMENTS.formatted("i.penalty_accrued - i.penalty_paid - i.penalty_waived"), "1103",
                "accrued penalty neither paid nor waived of current schedules less the penalty receivable account");
        assertThat(jdbc.sql("""
                        select l.id::text from loan_account l
                         where l.status = 'WRITTEN_OFF'
                           and (l.interest_written_off, l.penalty_written_off) <>
                               (select coalesce(sum(i.interest_accrued - i.interest_paid - i.interest_waived), 0),
                                       coalesce(sum(i.penalty_accrued - i.penalty_paid - i.penalty_waived), 0)
                                  from installment i where i.loan_id = l.id and i.schedule_version = l.schedule_version)
                        """).query(String.class).list())
                .as("written-off loans whose interest and penalty written off are not what their installments owed")
                .isEmpty();
        agrees(jdbc, "select -coalesce(sum(credit_balance), 0) from loan_account", "2201",
                "credit held on loans less the customer repayment clearing account (a liability, so negated)");
        assertThat(jdbc.sql("""
                        select l.id::text from loan_account l
                         where l.outstanding_principal <> l.principal - l.principal_repaid - l.principal_written_off
                            or l.principal <> (select v.prepaid_principal + coalesce(sum(i.principal), 0)
                                                 from schedule_version v
                                                 left join installment i on i.loan_id = v.loan_id
                                                                        and i.schedule_version = v.version
                                                where v.loan_id = l.id and v.version = l.schedule_version
                                                group by v.prepaid_principal)
                        """).query(String.class).list())
                .as("loans whose outstanding or whose schedule does not add up to the principal")
                .isEmpty();
    }

    private static final String CURRENT_INSTALLMENTS = """
            select coalesce(sum(%s), 0)
              from installment i join loan_account l on l.id = i.loan_id and l.schedule_version = i.schedule_version
             where l.status <> 'WRITTEN_OFF'
            """;

    /** The sub-ledger's figure less the account's balance (debit positive) is zero. */
    private static void agrees(JdbcClient jdbc, String subLedger, String account, String what) {
        assertThat(jdbc.sql("select (" + subLedger + ") - (select coalesce(sum(case side when 'DEBIT' then amount"
                        + " else -amount end), 0) from journal_line where account_code = ?)")
                .param(account).query(BigDecimal.class).single())
                .as(what)
                .isEqualByComparingTo("0");
    }
}
