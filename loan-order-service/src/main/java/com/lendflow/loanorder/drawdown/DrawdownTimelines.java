package com.lendflow.loanorder.drawdown;

import com.lendflow.loanorder.saga.SagaTimeline;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Every drawdown's history, append-only, in the order it happened (table drawdown_timeline). */
@Repository
class DrawdownTimelines {

    private final SagaTimeline<DrawdownTimelineEntry> timeline;

    DrawdownTimelines(JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.timeline = new SagaTimeline<>(jdbcTemplate, json, "drawdown_timeline", "drawdown_id",
                entry -> new SagaTimeline.Row(entry.at(), entry.kind().name(), entry.state().name(),
                        entry.step() == null ? null : entry.step().name(), entry.messageType(), entry.messageId(),
                        entry.attempt(), entry.note(), entry.details()),
                row -> new DrawdownTimelineEntry(row.at(), DrawdownTimelineEntry.Kind.valueOf(row.kind()),
                        DrawdownState.valueOf(row.state()),
                        row.step() == null ? null : DrawdownStep.valueOf(row.step()), row.messageType(), row.messageId(), row.attempt(), row.note(), row.details()));
    }

    /** Appends in one round trip; must run in the transaction that changed the drawdown. */
    void append(UUID drawdownId, List<DrawdownTimelineEntry> entries) {
        timeline.append(drawdownId, entries);
    }

    List<DrawdownTimelineEntry> of(UUID drawdownId) {
        return timeline.of(drawdownId);
    }
}
