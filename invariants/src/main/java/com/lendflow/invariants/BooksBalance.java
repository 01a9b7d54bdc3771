package com.lendflow.invariants;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * The double-entry books: every journal entry has at least two lines and its debits equal its credits, and the trial
 * balance (all debits less all credits, over every line) is zero. core-ledger's database refuses to commit anything
 * else; this reads what is there, so a change that slipped past it, or an uncommitted one shown to the checker, is
 * named.
 */
final class BooksBalance {

    private BooksBalance() {
    }

    static Result check(Pass pass) throws SQLException {
        Findings findings = new Findings();
        var unbalanced = pass.rows(Pass.CORE_LEDGER, """
                select e.id::text, e.event_type, count(l.entry_id),
                       coalesce(sum(l.amount) filter (where l.side = 'DEBIT'), 0),
                       coalesce(sum(l.amount) filter (where l.side = 'CREDIT'), 0)
                  from journal_entry e left join journal_line l on l.entry_id = e.id
                 group by e.id, e.event_type
                having count(l.entry_id) < 2
                    or coalesce(sum(l.amount) filter (where l.side = 'DEBIT'), 0)
                       <> coalesce(sum(l.amount) filter (where l.side = 'CREDIT'), 0)
                 order by 1""");
        for (Pass.Row row : unbalanced) {
            findings.add(row.text(0), "%s entry with %d line(s): debits %s, credits %s".formatted(row.text(1),
                    row.count(2), Findings.money(row.money(3)), Findings.money(row.money(4))));
        }
        Pass.Row trial = pass.one(Pass.CORE_LEDGER, """
                select (select count(*) from journal_entry), count(*),
                       coalesce(sum(amount) filter (where side = 'DEBIT'), 0),
                       coalesce(sum(amount) filter (where side = 'CREDIT'), 0)
                  from journal_line""");
        BigDecimal difference = trial.money(2).subtract(trial.money(3));
        if (difference.signum() != 0) {
            findings.add("trial-balance", "debits %s less credits %s is %s, not zero".formatted(
                    Findings.money(trial.money(2)), Findings.money(trial.money(3)), Findings.money(difference)));
        }
        return findings.result(Invariants.BOOKS_BALANCE, "%d journal entries, %d lines; trial balance: debits %s, credits %s"
                .formatted(trial.count(0), trial.count(1), Findings.money(trial.money(2)), Findings.money(trial.money(3))));
    }
}
