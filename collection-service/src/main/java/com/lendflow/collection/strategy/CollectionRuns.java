package com.lendflow.collection.strategy;

import com.lendflow.collection.casework.Cases;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Daily runs by business date. Asking for a date's run again while it waits or runs changes
 * nothing; asking after it finished runs it again, which adds only what is still missing (actions
 * are unique per case, kind and date).
 */
@Component
class CollectionRuns {

    private final JdbcClient jdbc;
    private final Clock clock;

    CollectionRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Run(LocalDate businessDate, String state, String requestedBy, Instant requestedAt, Instant startedAt,
               Instant finishedAt, int casesSeen, int actionsCreated) {
    }

    Run request(LocalDate date, String by) {
        jdbc.sql("""
                insert into collection_run (business_date, state, requested_by, requested_at) values (:date, 'REQUESTED', :by, :at)
                on conflict (business_date) do update
                   set state = 'REQUESTED', requested_by = excluded.requested_by, requested_at = excluded.requested_at,
                       started_at = null, finished_at = null
                 where collection_run.state = 'FINISHED'
                """).param("date", date).param("by", by).param("at", Cases.at(clock.instant())).update();
        return find(date).orElseThrow();
    }

    Optional<Run> find(LocalDate date) {
        return jdbc.sql("select * from collection_run where business_date = ?").param(date)
                .query((rs, row) -> new Run(rs.getObject("business_date", LocalDate.class), rs.getString("state"),
                        rs.getString("requested_by"), Cases.instant(rs, "requested_at"), Cases.instant(rs, "started_at"),
                        Cases.instant(rs, "finished_at"), rs.getInt("cases_seen"), rs.getInt("actions_created")))
                .optional();
    }

    /** Takes the oldest requested run (or one left RUNNING by a stopped process) for this worker. */
    Optional<LocalDate> claim() {
        return jdbc.sql("""
                update collection_run set state = 'RUNNING', started_at = :now
                 where business_date = (select business_date from collection_run
                                         where state = 'REQUESTED' or (state = 'RUNNING' and started_at < :stale)
                                         order by business_date limit 1 for update skip locked)
                returning business_date
                """).param("now", Cases.at(clock.instant())).param("stale", Cases.at(clock.instant().minusSeconds(3600)))
                .query(LocalDate.class).optional();
    }

    void finish(LocalDate date, DailyRun.Counts counts) {
        jdbc.sql("""
                update collection_run set state = 'FINISHED', finished_at = ?, cases_seen = ?, actions_created = ?
                 where business_date = ?
                """).params(Cases.at(clock.instant()), counts.cases(), counts.actions(), date).update();
    }
}
