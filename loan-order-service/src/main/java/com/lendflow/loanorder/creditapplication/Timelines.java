package com.lendflow.loanorder.creditapplication;

import com.lendflow.loanorder.saga.SagaTimeline;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Every application's history, append-only, in the order it happened (table credit_application_timeline). */
@Repository
class Timelines {

    private final SagaTimeline<TimelineEntry> timeline;

    Timelines(JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.timeline = new SagaTimeline<>(jdbcTemplate, json, "credit_application_timeline", "application_id",
                entry -> new SagaTimeline.Row(entry.at(), entry.kind().name(), entry.state().name(),
                        entry.step() == null ? null : entry.step().name(), entry.messageType(), entry.messageId(),
                        entry.attempt(), entry.note(), entry.details()),
                row -> new TimelineEntry(row.at(), TimelineEntry.Kind.valueOf(row.kind()),
                        ApplicationState.valueOf(row.state()), row.step() == null ? null : Step.valueOf(row.step()),
                        row.messageType(), row.messageId(), row.attempt(), row.note(), row.details()));
    }

    /** Appends in one round trip; must run in the transaction that changed the application. */
    void append(UUID applicationId, List<TimelineEntry> entries) {
        timeline.append(applicationId, entries);
    }

    List<TimelineEntry> of(UUID applicationId) {
        return timeline.of(applicationId);
    }
}
