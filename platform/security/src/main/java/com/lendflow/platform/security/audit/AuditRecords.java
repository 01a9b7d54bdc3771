package com.lendflow.platform.security.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit records of this service's database, searched newest first. */
public class AuditRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<AuditRecordView> search(AuditQuery query) {
        // Only the filters given become conditions, so each search can use the index made for it.
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor, actor_roles, action, subject_type, subject_id,
                       before::text as before, after::text as after, reason, request_id, service
                from audit.audit_record
                where true
                """);
        Map<String, Object> params = new LinkedHashMap<>();
        condition(sql, params, "actor", "actor = :actor", query.actor());
        condition(sql, params, "action", "action = :action", query.action());
        condition(sql, params, "subjectType", "subject_type = :subjectType", query.subjectType());
        condition(sql, params, "subjectId", "subject_id = :subjectId", query.subjectId());
        condition(sql, params, "from", "occurred_at >= :from",
                query.from() == null ? null : OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        condition(sql, params, "to", "occurred_at < :to",
                query.to() == null ? null : OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        sql.append("order by occurred_at desc, id desc limit :limit offset :offset");
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        return jdbc.sql(sql.toString()).params(params).query((row, number) -> view(row)).list();
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String name, String condition,
                                  Object value) {
        if (value != null) {
            sql.append("and ").append(condition).append('\n');
            params.put(name, value);
        }
    }

    private AuditRecordView view(ResultSet row) throws SQLException {
        Array roles = row.getArray("actor_roles");
        return new AuditRecordView(
                row.getLong("id"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor"),
                roles == null ? List.of() : List.of((String[]) roles.getArray()),
                row.getString("action"),
                row.getString("subject_type"),
                row.getString("subject_id"),
                jsonOrNull(row.getString("before")),
                jsonOrNull(row.getString("after")),
                row.getString("reason"),
                row.getString("request_id"),
                row.getString("service"));
    }

    private JsonNode jsonOrNull(String text) {
        return text == null ? null : json.readTree(text);
    }
}
