package com.lendflow.reconciliation.run;

import com.lendflow.reconciliation.ReconciliationSettings;
import com.lendflow.reconciliation.matching.Matcher;
import com.lendflow.reconciliation.matching.Reconciliation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The runs, one row per business date, reconciliation and party. Asking for a run that waits or runs
 * changes nothing; asking for one that finished (or was rejected, or gave up) starts it again.
 */
@Component
class Runs {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReconciliationSettings settings;

    Runs(JdbcClient jdbc, Clock clock, ReconciliationSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    record Side(long read, String total) {
    }

    record Run(UUID id, LocalDate businessDate, String reconciliation, String party, String state, String detail,
               int attempts, String requestedBy, Instant requestedAt, String requestReason, Instant startedAt,
               Instant finishedAt, Instant nextAttemptAt, Side ours, Side theirs, long matched, long broken,
               long pending) {
    }

    /** The parties of a reconciliation, from configuration. */
    List<String> parties(Reconciliation reconciliation) {
        return switch (reconciliation) {
            case INTERNAL -> List.of(Reconciliation.INTERNAL_PARTY);
            case CHANNEL -> settings.partners().channels();
            case FUNDING_PARTNER -> settings.partners().fundingPartners();
        };
    }

    Run request(LocalDate date, Reconciliation reconciliation, String party, String by, String reason) {
        jdbc.sql("""
                insert into reconciliation_run (id, business_date, reconciliation, party, state, requested_by, requested_at,
                                                request_reason)
                values (:id, :date, :recon, :party, 'QUEUED', :by, :now, :reason)
                on conflict (business_date, reconciliation, party) do update
                   set state = 'QUEUED', requested_by = excluded.requested_by, requested_at = excluded.requested_at,
                       request_reason = excluded.request_reason, detail = null, first_tried_at = null,
                       next_attempt_at = null
                 where reconciliation_run.state in ('FINISHED', 'REJECTED', 'WAITING', 'FAILED')
                """).param("id", UUID.randomUUID()).param("date", date).param("recon", reconciliation.name())
                .param("party", party).param("by", by).param("now", now()).param("reason", reason).update();
        return find(date, reconciliation, party).orElseThrow();
    }

    /** Starts again the finished runs of {@code date} that still have unresolved breaks: a late callback may close them. */
    int recheck(LocalDate date, String by) {
        return jdbc.sql("""
                update reconciliation_run r
                   set state = 'QUEUED', requested_by = :by, requested_at = :now, detail = null, first_tried_at = null,
                       request_reason = 'the next day''s check of unresolved breaks'
                 where r.business_date = :date and r.state = 'FINISHED'
                   and exists (select 1 from reconciliation_break b
                                where b.business_date = r.business_date and b.reconciliation = r.reconciliation
                                  and b.party = r.party and b.state in ('OPEN', 'INVESTIGATING'))
                """).param("by", by).param("now", now()).param("date", date).update();
    }

    /** Takes the next run due (queued, due for a retry, or left RUNNING by a stopped process) for this worker. */
    Optional<Run> claim() {
        return jdbc.sql("""
                update reconciliation_run
                   set state = 'RUNNING', started_at = :now, finished_at = null, attempts = attempts + 1,
                       first_tried_at = coalesce(first_tried_at, :now), next_attempt_at = null,
                       our_read = 0, their_read = 0, matched = 0, broken = 0, pending = 0
                 where id = (select id from reconciliation_run
                              where state = 'QUEUED'
                                 or (state in ('WAITING', 'REJECTED') and next_attempt_at <= :now)
                                 or (state = 'RUNNING' and started_at < :stale)
                              order by business_date, requested_at limit 1 for update skip locked)
                returning id
                """).param("now", now()).param("stale", now().minus(settings.worker().staleAfter()))
                .query(UUID.class).optional().flatMap(this::find);
    }

    void progress(UUID id, long ourRead, long theirRead) {
        jdbc.sql("update reconciliation_run set our_read = ?, their_read = ? where id = ? and state = 'RUNNING'")
                .params(ourRead, theirRead, id).update();
    }

    /**
     * A late or bad file: tried again after the retry interval, until max-wait after the first try has passed;
     * then FAILED (a late file never came) or left REJECTED (a bad file was never replaced), with no more tries.
     */
    Run retryLater(UUID id, String state, String detail) {
        OffsetDateTime next = now().plus(settings.retryInterval());
        jdbc.sql("""
                update reconciliation_run
                   set state = case when first_tried_at + cast(:maxWait as interval) < :next and :state = 'WAITING'
                                    then 'FAILED' else :state end,
                       detail = case when first_tried_at + cast(:maxWait as interval) < :next
                                     then :detail || '; gave up: nothing usable within ' || :maxWait else :detail end,
                       next_attempt_at = case when first_tried_at + cast(:maxWait as interval) < :next then null else :next end,
                       finished_at = :now
                 where id = :id
                """).param("maxWait", settings.maxWait().toSeconds() + " seconds").param("next", next)
                .param("state", state).param("detail", detail).param("now", now()).param("id", id).update();
        return find(id).orElseThrow();
    }

    void finished(UUID id, long ourRows, BigDecimal ourTotal, long theirRows, BigDecimal theirTotal, Matcher.Counts counts) {
        jdbc.sql("""
                update reconciliation_run
                   set state = 'FINISHED', detail = null, finished_at = :now, our_read = :ourRows, their_read = :theirRows,
                       our_total = :ourTotal, their_total = :theirTotal, matched = :matched, broken = :broken,
                       pending = :pending
                 where id = :id
                """).param("now", now()).param("ourRows", ourRows).param("theirRows", theirRows)
                .param("ourTotal", ourTotal).param("theirTotal", theirTotal).param("matched", counts.matched())
                .param("broken", counts.broken()).param("pending", counts.pending()).param("id", id).update();
    }

    Optional<Run> find(UUID id) {
        return jdbc.sql("select * from reconciliation_run where id = ?").param(id).query(Runs::map).optional();
    }

    Optional<Run> find(LocalDate date, Reconciliation reconciliation, String party) {
        return jdbc.sql("select * from reconciliation_run where business_date = ? and reconciliation = ? and party = ?")
                .params(date, reconciliation.name(), party).query(Runs::map).optional();
    }

    record Page(List<Run> items, int page, int size, long totalItems) {
    }

    Page search(LocalDate date, String reconciliation, String party, String state, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (date != null) {
            where.append(" and business_date = ?");
            params.add(date);
        }
        if (reconciliation != null) {
            where.append(" and reconciliation = ?");
            params.add(reconciliation);
        }
        if (party != null) {
            where.append(" and party = ?");
            params.add(party);
        }
        if (state != null) {
            where.append(" and state = ?");
            params.add(state);
        }
        long total = jdbc.sql("select count(*) from reconciliation_run" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<Run> items = jdbc.sql("select * from reconciliation_run" + where
                        + " order by business_date desc, reconciliation, party limit ? offset ?")
                .params(paged).query(Runs::map).list();
        return new Page(items, page, size, total);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Run map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Run(rs.getObject("id", UUID.class), rs.getObject("business_date", LocalDate.class),
                rs.getString("reconciliation"), rs.getString("party"), rs.getString("state"), rs.getString("detail"),
                rs.getInt("attempts"), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getString("request_reason"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "next_attempt_at"),
                new Side(rs.getLong("our_read"), com.lendflow.platform.web.Amounts.text(rs.getBigDecimal("our_total"))),
                new Side(rs.getLong("their_read"), com.lendflow.platform.web.Amounts.text(rs.getBigDecimal("their_total"))),
                rs.getLong("matched"), rs.getLong("broken"), rs.getLong("pending"));
    }
}
