package com.lendflow.loanorder.saga;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saga's history, append-only, in the order it happened: one table per saga with the same
 * columns (the saga's id column, at, kind, state, step, message type and id, attempt, note, JSON
 * details). Each saga keeps its own entry type and maps it to and from a {@link Row}.
 */
public final class SagaTimeline<E> {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    /** One entry as stored: enums by name, step null when the entry belongs to no step. */
    public record Row(Instant at, String kind, String state, String step, String messageType, UUID messageId,
                      Integer attempt, String note, Map<String, Object> details) {
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String insert;
    private final String select;
    private final Function<E, Row> toRow;
    private final Function<Row, E> fromRow;

    /** {@code table} and {@code idColumn} are this code's own constants, never input. */
    public SagaTimeline(JdbcTemplate jdbcTemplate, JsonMapper json, String table, String idColumn,
                        Function<E, Row> toRow, Function<Row, E> fromRow) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.json = json;
        this.insert = """
                insert into %s (%s, at, kind, state, step, message_type, message_id, attempt, note, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """.formatted(table, idColumn);
        this.select = """
                select at, kind, state, step, message_type, message_id, attempt, note, details::text as details
                from %s where %s = ? order by id
                """.formatted(table, idColumn);
        this.toRow = toRow;
        this.fromRow = fromRow;
    }

    /** Appends in one round trip; must run in the transaction that changed the saga. */
    public void append(UUID sagaId, List<E> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(insert, entries, entries.size(), (statement, entry) -> {
            Row row = toRow.apply(entry);
            statement.setObject(1, sagaId);
            statement.setTimestamp(2, Timestamp.from(row.at()));
            statement.setString(3, row.kind());
            statement.setString(4, row.state());
            statement.setString(5, row.step());
            statement.setString(6, row.messageType());
            statement.setObject(7, row.messageId());
            if (row.attempt() == null) {
                statement.setNull(8, Types.INTEGER);
            } else {
                statement.setInt(8, row.attempt());
            }
            statement.setString(9, row.note());
            statement.setString(10, row.details() == null || row.details().isEmpty() ? null
                    : json.writeValueAsString(row.details()));
        });
    }

    public List<E> of(UUID sagaId) {
        return jdbc.sql(select).param(sagaId).query(this::row).list();
    }

    private E row(ResultSet rs, int n) throws SQLException {
        String details = rs.getString("details");
        return fromRow.apply(new Row(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("kind"),
                rs.getString("state"), rs.getString("step"), rs.getString("message_type"),
                rs.getObject("message_id", UUID.class), (Integer) rs.getObject("attempt"), rs.getString("note"),
                details == null ? Map.of() : json.readValue(details, DETAILS)));
    }
}
