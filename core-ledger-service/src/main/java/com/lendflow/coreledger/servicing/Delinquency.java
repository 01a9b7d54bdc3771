package com.lendflow.coreledger.servicing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Days past due and the delinquency bucket, as of a date: days since the oldest installment still
 * OVERDUE fell due (0 when none is; an installment within its grace days is not overdue), and the
 * bucket SQL's {@code delinquency_bucket} puts that in (M0 current, M1 1–30, M2 31–60, M3 61–90,
 * M3+). One set-based statement, used for a single loan after a payment and for a whole end-of-day
 * batch alike, so both agree.
 */
@Component
public class Delinquency {

    private final JdbcClient jdbc;

    Delinquency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A loan whose bucket changed. */
    public record BucketMove(UUID loanId, UUID customerId, String from, String to, int daysPastDue) {
    }

    /**
     * Sets days past due and bucket of {@code loans} as of {@code asOf}; with {@code accruedThrough}
     * also marks them processed by end of day through that date. Returns the loans whose bucket moved.
     */
    public List<BucketMove> refresh(UUID[] loans, LocalDate asOf, LocalDate accruedThrough) {
        return jdbc.sql("""
                        with dpd as (
                            select l.id, l.bucket as before,
                                   coalesce(:asOf - min(i.due_date) filter (where i.state = 'OVERDUE'), 0) as days
                              from loan_account l
                              left join installment i on i.loan_id = l.id and i.schedule_version = l.schedule_version
                             where l.id = any(:loans)
                             group by l.id, l.bucket
                        )
                        update loan_account l
                           set days_past_due = dpd.days, bucket = delinquency_bucket(dpd.days),
                               accrued_through = coalesce(cast(:accruedThrough as date), l.accrued_through)
                          from dpd
                         where l.id = dpd.id
                        returning l.id, l.customer_id, dpd.before, l.bucket, l.days_past_due
                        """)
                .param("asOf", asOf).param("loans", loans).param("accruedThrough", accruedThrough)
                .query((rs, row) -> new BucketMove(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list()
                .stream()
                .filter(move -> !move.from().equals(move.to()))
                .toList();
    }
}
