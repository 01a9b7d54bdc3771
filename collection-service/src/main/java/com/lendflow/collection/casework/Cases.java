package com.lendflow.collection.casework;

import com.lendflow.collection.strategy.Grading;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Collection cases and their loans. Callers lock the customer ({@link CustomerLocks}) before changing one. */
@Component
public class Cases {

    static final String COLUMNS = """
            id, customer_id, state, grade, bucket, days_past_due, amount_overdue, risk_score, broken_promises, queue,
            agent_id, agency, assigned_at, lock_holder, lock_expires_at, opened_on, opened_at, closed_on, closed_at,
            close_reason, close_note""";

    private final JdbcClient jdbc;
    private final Grading grading;
    private final Clock clock;

    Cases(JdbcClient jdbc, Grading grading, Clock clock) {
        this.jdbc = jdbc;
        this.grading = grading;
        this.clock = clock;
    }

    public Optional<CollectionCase> find(UUID caseId) {
        return jdbc.sql("select " + COLUMNS + " from collection_case where id = ?").param(caseId)
                .query(Cases::caseOf).optional();
    }

    public Optional<CollectionCase> findOpen(UUID customerId) {
        return jdbc.sql("select " + COLUMNS + " from collection_case where customer_id = ? and state = 'OPEN'")
                .param(customerId).query(Cases::caseOf).optional();
    }

    /** The open case holding {@code loanId} as one of its loans. */
    public Optional<CollectionCase> findOpenWithLoan(UUID loanId) {
        return jdbc.sql("""
                        select c.* from collection_case c join case_loan l on l.case_id = c.id
                         where l.loan_id = ? and c.state = 'OPEN'
                        """)
                .param(loanId).query(Cases::caseOf).optional();
    }

    public List<CaseLoan> loans(UUID caseId) {
        return jdbc.sql("""
                select case_id, loan_id, state, bucket, days_past_due, dpd_as_of, amount_overdue, joined_on
                  from case_loan where case_id = ? order by joined_on, loan_id
                """).param(caseId)
                .query((rs, row) -> new CaseLoan(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getObject(6, LocalDate.class),
                        rs.getBigDecimal(7), rs.getObject(8, LocalDate.class)))
                .list();
    }

    CollectionCase open(UUID customerId, LocalDate on) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into collection_case (id, customer_id, state, grade, bucket, days_past_due, amount_overdue,
                                             risk_score, opened_on, opened_at)
                values (:id, :customer, 'OPEN', :grade, 'M1', 0, 0, 0, :on, :at)
                """)
                .param("id", id).param("customer", customerId)
                .param("grade", grading.grade("M1", BigDecimal.ZERO, 0, 0))
                .param("on", on).param("at", at(clock.instant()))
                .update();
        return find(id).orElseThrow();
    }

    void saveLoan(CaseLoan loan) {
        jdbc.sql("""
                insert into case_loan (case_id, loan_id, state, bucket, days_past_due, dpd_as_of, amount_overdue, joined_on)
                values (:case, :loan, :state, :bucket, :dpd, :asOf, :amount, :joined)
                on conflict (case_id, loan_id) do update
                   set state = excluded.state, bucket = excluded.bucket, days_past_due = excluded.days_past_due,
                       dpd_as_of = excluded.dpd_as_of, amount_overdue = excluded.amount_overdue
                """)
                .param("case", loan.caseId()).param("loan", loan.loanId()).param("state", loan.state())
                .param("bucket", loan.bucket()).param("dpd", loan.daysPastDue()).param("asOf", loan.dpdAsOf())
                .param("amount", loan.amountOverdue()).param("joined", loan.joinedOn())
                .update();
    }

    /**
     * Recomputes what the case shows from its overdue loans as of {@code asOf}: amount, bucket, days
     * past due, risk score and grade. Returns the case as it now is.
     */
    public CollectionCase refresh(UUID caseId, LocalDate asOf) {
        CollectionCase current = find(caseId).orElseThrow();
        List<CaseLoan> overdue = loans(caseId).stream().filter(CaseLoan::overdue).toList();
        BigDecimal amount = overdue.stream().map(CaseLoan::amountOverdue).reduce(BigDecimal.ZERO, BigDecimal::add);
        String bucket = overdue.stream().map(CaseLoan::bucket).reduce("M0", Buckets::worse);
        int dpd = overdue.stream().mapToInt(l -> l.daysPastDueOn(asOf)).max().orElse(0);
        if (!overdue.isEmpty()) {
            bucket = Buckets.worse(bucket, Buckets.of(dpd));
        }
        int risk = Grading.riskScore(overdue.size(), current.brokenPromises());
        String grade = grading.grade(bucket, amount, risk, current.brokenPromises());
        jdbc.sql("""
                update collection_case set amount_overdue = :amount, bucket = :bucket, days_past_due = :dpd,
                                           risk_score = :risk, grade = :grade
                 where id = :id
                """)
                .param("amount", amount).param("bucket", bucket).param("dpd", dpd).param("risk", risk)
                .param("grade", grade).param("id", caseId)
                .update();
        return find(caseId).orElseThrow();
    }

    public void addBrokenPromise(UUID caseId) {
        jdbc.sql("update collection_case set broken_promises = broken_promises + 1 where id = ?").param(caseId).update();
    }

    /** Closes the case: its lock goes, and contacts still waiting are not made. */
    public void close(UUID caseId, LocalDate on, String reason, String note) {
        jdbc.sql("""
                update collection_case set state = 'CLOSED', closed_on = :on, closed_at = :at, close_reason = :reason,
                                           close_note = :note, lock_holder = null, lock_expires_at = null
                 where id = :id and state = 'OPEN'
                """)
                .param("on", on).param("at", at(clock.instant())).param("reason", reason).param("note", note)
                .param("id", caseId)
                .update();
        jdbc.sql("""
                update collection_action set state = 'REFUSED', detail = 'the case closed before it was made'
                 where case_id = ? and state in ('PENDING', 'DEFERRED')
                """).param(caseId).update();
    }

    static CollectionCase caseOf(ResultSet rs, int row) throws SQLException {
        return new CollectionCase(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("state"), rs.getString("grade"), rs.getString("bucket"), rs.getInt("days_past_due"),
                rs.getBigDecimal("amount_overdue"), rs.getInt("risk_score"), rs.getInt("broken_promises"),
                rs.getString("queue"), rs.getString("agent_id"), rs.getString("agency"), instant(rs, "assigned_at"),
                rs.getString("lock_holder"), instant(rs, "lock_expires_at"), rs.getObject("opened_on", LocalDate.class),
                instant(rs, "opened_at"), rs.getObject("closed_on", LocalDate.class), instant(rs, "closed_at"),
                rs.getString("close_reason"), rs.getString("close_note"));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
