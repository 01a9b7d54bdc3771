package com.lendflow.coreledger.eod;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** End-of-day runs (table eod_run). */
@Component
class EodRuns {

    private final JdbcClient jdbc;

    EodRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EodRun> find(LocalDate day) {
        return jdbc.sql("select * from eod_run where business_date = ?").param(day).query(EodRuns::map).optional();
    }

    /** One page of the runs, the latest business date first. */
    List<EodRun> latest(int page, int size) {
        return jdbc.sql("select * from eod_run order by business_date desc limit ? offset ?")
                .params(size, (long) page * size).query(EodRuns::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from eod_run").query(Long.class).single();
    }

    private static EodRun map(ResultSet rs, int row) throws SQLException {
        return new EodRun(rs.getObject("business_date", LocalDate.class), rs.getString("phase"),
                rs.getString("status"), rs.getInt("loans_total"), rs.getInt("loans_done"), rs.getInt("batches"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant).orElse(null),
                rs.getInt("attempts"), rs.getString("failure"));
    }

    /** Starts the run of {@code day}, or resumes a failed one (counting the attempt). */
    void begin(LocalDate day, Instant now) {
        jdbc.sql("""
                        insert into eod_run (business_date, phase, status, loans_total, started_at)
                        select :day, 'LOANS', 'RUNNING',
                               (select count(*) from loan_account where status = 'ACTIVE' and accrued_through < :day), :now
                        on conflict (business_date) do update
                           set status = 'RUNNING', failure = null, attempts = eod_run.attempts + 1,
                               loans_total = eod_run.loans_done + excluded.loans_total
                        """)
                .param("day", day).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    void phase(LocalDate day, String phase) {
        jdbc.sql("update eod_run set phase = ? where business_date = ?").params(phase, day).update();
    }

    /** Loans opened on the date while its end of day ran are closed too; the total counts them. */
    void countOpenedDuringRun(LocalDate day) {
        jdbc.sql("update eod_run set loans_total = greatest(loans_total, loans_done) where business_date = ?")
                .param(day).update();
    }

    void finished(LocalDate day, Instant now) {
        jdbc.sql("update eod_run set phase = 'DONE', status = 'FINISHED', finished_at = ? where business_date = ?")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), day)
                .update();
    }

    void failed(LocalDate day, String reason) {
        jdbc.sql("update eod_run set status = 'FAILED', failure = ? where business_date = ?").params(reason, day)
                .update();
    }
}
