package com.lendflow.collection.postloan.earlywarning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each loan's delinquency as core-ledger reported it, kept as the due date of its oldest overdue installment,
 * so the days past due on any business date follow without asking the ledger; and the customer lock under
 * which one customer's loans and warnings are judged.
 */
@Repository
class Delinquencies {

    private final JdbcClient jdbc;

    Delinquencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for (and holds until commit) the customer's lock, creating their row the first time. */
    void lockCustomer(UUID customerId) {
        jdbc.sql("insert into post_loan_customer (customer_id) values (?) on conflict do nothing").param(customerId).update();
        jdbc.sql("select customer_id from post_loan_customer where customer_id = ? for update").param(customerId)
                .query(UUID.class).single();
    }

    /** An installment that fell due on {@code dueDate} is overdue: the loan is overdue since then at the latest. */
    void overdueSince(UUID loanId, UUID customerId, LocalDate dueDate, Instant at) {
        jdbc.sql("""
                insert into post_loan_loan (loan_id, customer_id, overdue_since, updated_at) values (?, ?, ?, ?)
                on conflict (loan_id) do update
                   set overdue_since = least(coalesce(post_loan_loan.overdue_since, excluded.overdue_since), excluded.overdue_since),
                       settled = false, updated_at = excluded.updated_at
                """)
                .param(loanId).param(customerId).param(dueDate).param(utc(at))
                .update();
    }

    /** The ledger's own count of days past due as of {@code asOf}: exact, replacing what was derived. */
    void daysPastDue(UUID loanId, UUID customerId, int daysPastDue, LocalDate asOf, Instant at) {
        LocalDate since = daysPastDue > 0 ? asOf.minusDays(daysPastDue) : null;
        jdbc.sql("""
                insert into post_loan_loan (loan_id, customer_id, overdue_since, updated_at) values (?, ?, ?, ?)
                on conflict (loan_id) do update set overdue_since = excluded.overdue_since, updated_at = excluded.updated_at
                """)
                .param(loanId).param(customerId).param(since).param(utc(at))
                .update();
    }

    /** The loan is paid off. False when it was never delinquent here (nothing about the customer changes). */
    boolean settled(UUID loanId, Instant at) {
        return jdbc.sql("update post_loan_loan set overdue_since = null, settled = true, updated_at = ? where loan_id = ?")
                .param(utc(at)).param(loanId)
                .update() == 1;
    }

    /** The customer's days past due on {@code asOf}: their most delinquent loan's. */
    int customerDaysPastDue(UUID customerId, LocalDate asOf) {
        return jdbc.sql("""
                select coalesce(max(cast(? as date) - overdue_since), 0) from post_loan_loan
                where customer_id = ? and overdue_since is not null
                """)
                .param(asOf).param(customerId)
                .query(Integer.class).single();
    }

    boolean allCurrent(UUID customerId) {
        return jdbc.sql("select not exists (select 1 from post_loan_loan where customer_id = ? and overdue_since is not null)")
                .param(customerId).query(Boolean.class).single();
    }

    /**
     * Customers at least {@code minDpd} days past due on {@code asOf} for whom some enabled days-past-due rule
     * they now meet has not fired yet in this episode: the only ones a new business date can change.
     */
    List<UUID> customersDueForRules(LocalDate asOf) {
        return jdbc.sql("""
                select l.customer_id
                  from post_loan_loan l
                 where l.overdue_since is not null
                 group by l.customer_id
                having exists (select 1 from early_warning_rule r
                                where r.enabled and r.trigger_kind = 'DPD'
                                  and r.min_dpd <= max(cast(:asOf as date) - l.overdue_since)
                                  and not exists (select 1 from early_warning w
                                                   where w.customer_id = l.customer_id and w.rule_code = r.code and w.open))
                """)
                .param("asOf", asOf)
                .query(UUID.class).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
