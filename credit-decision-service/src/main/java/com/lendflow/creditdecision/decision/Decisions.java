package com.lendflow.creditdecision.decision;

import com.lendflow.creditdecision.scorecard.Grade;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every decision, one per application. */
@Repository
class Decisions {

    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> POINTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Decisions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(Decision d) {
        jdbc.sql("""
                insert into decision (id, application_id, customer_id, outcome, score, grade, credit_limit, annual_rate,
                                      reason_code, reasons, inputs, points, scorecard_version, grade_table_version, decided_at)
                values (:id, :application, :customer, :outcome, :score, :grade, :limit, :rate, :reasonCode,
                        cast(:reasons as jsonb), cast(:inputs as jsonb), cast(:points as jsonb), :scorecard, :gradeTable, :at)
                """)
                .param("id", d.id())
                .param("application", d.applicationId())
                .param("customer", d.customerId())
                .param("outcome", d.outcome().name())
                .param("score", d.score())
                .param("grade", d.grade() == null ? null : d.grade().name())
                .param("limit", d.creditLimit())
                .param("rate", d.annualRate())
                .param("reasonCode", d.reasonCode())
                .param("reasons", json.writeValueAsString(d.reasons()))
                .param("inputs", json.writeValueAsString(d.inputs()))
                .param("points", json.writeValueAsString(d.points()))
                .param("scorecard", d.scorecardVersion())
                .param("gradeTable", d.gradeTableVersion())
                .param("at", OffsetDateTime.ofInstant(d.decidedAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<Decision> findByApplication(UUID applicationId) {
        return jdbc.sql("""
                select id, application_id, customer_id, outcome, score, grade, credit_limit, annual_rate, reason_code,
                       reasons::text as reasons, inputs::text as inputs, points::text as points, scorecard_version,
                       grade_table_version, decided_at
                from decision where application_id = ?
                """)
                .param(applicationId)
                .query(this::row)
                .optional();
    }

    private Decision row(ResultSet rs, int n) throws SQLException {
        String grade = rs.getString("grade");
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("customer_id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
                rs.getObject("score", Integer.class), grade == null ? null : Grade.valueOf(grade),
                rs.getBigDecimal("credit_limit"), rs.getBigDecimal("annual_rate"), rs.getString("reason_code"),
                json.readValue(rs.getString("reasons"), REASONS), json.readValue(rs.getString("inputs"), INPUTS),
                json.readValue(rs.getString("points"), POINTS), rs.getInt("scorecard_version"),
                rs.getInt("grade_table_version"), rs.getObject("decided_at", OffsetDateTime.class).toInstant());
    }
}
