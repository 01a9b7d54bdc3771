package com.lendflow.coreledger.books;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every account's cumulative totals, computed set-based in the database, and the daily snapshot of them. */
@Component
class AccountBalances {

    /** Every account of the chart, with zero totals where nothing is posted. Dates bound by :asOf, or none. */
    private static final String TOTALS = """
            select a.code, a.name, a.type, a.normal_side,
                   coalesce(sum(l.amount) filter (where l.side = 'DEBIT'), 0.00)  as debit_total,
                   coalesce(sum(l.amount) filter (where l.side = 'CREDIT'), 0.00) as credit_total
              from account a
              left join (journal_line l
                         join journal_entry e on e.id = l.entry_id and %s)
                     on l.account_code = a.code
             group by a.code
            """;

    private final JdbcClient jdbc;

    AccountBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Totals over entries dated on or before {@code asOf}; everything posted so far when it is null. */
    @Transactional(readOnly = true)
    List<AccountBalance> asOf(LocalDate asOf) {
        var statement = asOf == null
                ? jdbc.sql(TOTALS.formatted("true") + " order by a.code")
                : jdbc.sql(TOTALS.formatted("e.business_date <= :asOf") + " order by a.code").param("asOf", asOf);
        return statement.query((rs, row) -> new AccountBalance(rs.getString("code"), rs.getString("name"),
                        AccountType.valueOf(rs.getString("type")), Side.valueOf(rs.getString("normal_side")),
                        rs.getBigDecimal("debit_total").setScale(2), rs.getBigDecimal("credit_total").setScale(2)))
                .list();
    }

    /**
     * Writes the end-of-day snapshot of {@code businessDate} in one statement. Rerunning it for the
     * same date rewrites only rows whose totals changed (an entry back-dated since), so a plain
     * rerun changes nothing, not even taken_at.
     */
    @Transactional
    int snapshot(LocalDate businessDate) {
        return jdbc.sql("""
                        insert into account_balance_snapshot (business_date, account_code, debit_total, credit_total, balance)
                        select :asOf, t.code, t.debit_total, t.credit_total, t.debit_total - t.credit_total
                          from (%s) t
                        on conflict (business_date, account_code) do update
                           set debit_total = excluded.debit_total,
                               credit_total = excluded.credit_total,
                               balance = excluded.balance,
                               taken_at = now()
                         where (account_balance_snapshot.debit_total, account_balance_snapshot.credit_total)
                               is distinct from (excluded.debit_total, excluded.credit_total)
                        """.formatted(TOTALS.formatted("e.business_date <= :asOf")))
                .param("asOf", businessDate)
                .update();
    }

    @Transactional(readOnly = true)
    List<AccountBalance> snapshotOf(LocalDate businessDate) {
        return jdbc.sql("""
                        select a.code, a.name, a.type, a.normal_side, s.debit_total, s.credit_total
                          from account_balance_snapshot s
                          join account a on a.code = s.account_code
                         where s.business_date = ?
                         order by a.code
                        """)
                .param(businessDate)
                .query((rs, row) -> new AccountBalance(rs.getString("code"), rs.getString("name"),
                        AccountType.valueOf(rs.getString("type")), Side.valueOf(rs.getString("normal_side")),
                        rs.getBigDecimal("debit_total"), rs.getBigDecimal("credit_total")))
                .list();
    }
}
