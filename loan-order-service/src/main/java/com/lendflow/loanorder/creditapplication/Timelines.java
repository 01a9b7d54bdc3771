package com.lendflow.loanorder.creditapplication;

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

/** Every application's history, append-only, in the order it happened. */
@Repository
class Timelines {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    Timelines(JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.json = json;
    }

    /** Appends in one round trip; must run in the transaction that changed the application. */
    void append(UUID applicationId, List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                insert into credit_application_timeline
                    (application_id, at, kind, state, step, message_type, message_id, attempt, note, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """, entries, entries.size(), (statement, entry) -> {
            statement.setObject(1, applicationId);
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

    List<TimelineEntry> of(UUID applicationId) {
        return jdbc.sql("""
                select at, kind, state, step, message_type, message_id, attempt, note, details::text as details
                from credit_application_timeline where application_id = ? order by id
                """)
                .param(applicationId)
                .query(this::row)
                .list();
    }

    private TimelineEntry row(ResultSet rs, int n) throws SQLException {
        String step = rs.getString("step");
        String details = rs.getString("details");
        return new TimelineEntry(rs.getObject("at", OffsetDateTime.class).toInstant(),
                TimelineEntry.Kind.valueOf(rs.getString("kind")), ApplicationState.valueOf(rs.getString("state")),
                step == null ? null : Step.valueOf(step), rs.getString("message_type"),
                rs.getObject("message_id", UUID.class), (Integer) rs.getObject("attempt"), rs.getString("note"),
                details == null ? Map.of() : json.readValue(details, DETAILS));
    }
}
