package com.lendflow.loanorder.drawdown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every drawdown's history, append-only, in the order it happened. */
@Repository
class DrawdownTimelines {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    DrawdownTimelines(JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.json = json;
    }

    /** Appends in one round trip; must run in the transaction that changed the drawdown. */
    void append(UUID drawdownId, List<DrawdownTimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                insert into drawdown_timeline
                    (drawdown_id, at, kind, state, step, message_type, message_id, attempt, note, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """, entries, entries.size(), (statement, entry) -> {
            statement.setObject(1, drawdownId);
            statement.setTimestamp(2, Timestamp.from(entry.at()));
            statement.setString(3, entry.kind().name());
            statement.setString(4, entry.state().name());
            statement.setString(5, entry.step() == null ? null : entry.step().name());
            statement.setString(6, entry.messageType());
            statement.setObject(7, entry.messageId());
            if (entry.attempt() == null) {
                statement.setNull(8, Types.INTEGER);
            } else {
                statement.setInt(8, entry.attempt());
            }
            statement.setString(9, entry.note());
            statement.setString(10, entry.details() == null || entry.details().isEmpty() ? null
                    : json.writeValueAsString(entry.details()));
        });
    }

    List<DrawdownTimelineEntry> of(UUID drawdownId) {
        return jdbc.sql("""
                select at, kind, state, step, message_type, message_id, attempt, note, details::text as details
                from drawdown_timeline where drawdown_id = ? order by id
                """)
                .param(drawdownId)
                .query(this::row)
                .list();
    }

    private DrawdownTimelineEntry row(ResultSet rs, int n) throws SQLException {
        String step = rs.getString("step");
        String details = rs.getString("details");
        return new DrawdownTimelineEntry(rs.getObject("at", OffsetDateTime.class).toInstant(),
                DrawdownTimelineEntry.Kind.valueOf(rs.getString("kind")), DrawdownState.valueOf(rs.getString("state")),
                step == null ? null : DrawdownStep.valueOf(step), rs.getString("message_type"),
                rs.getObject("message_id", UUID.class), (Integer) rs.getObject("attempt"), rs.getString("note"),
                details == null ? Map.of() : json.readValue(details, DETAILS));
    }
}
