package com.lendflow.antifraud.assessment;

import com.lendflow.antifraud.rules.Result;
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

/** Every assessment, one per application. */
@Repository
class Assessments {

    private static final TypeReference<List<FiredRuleView>> FIRED = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Long>> VERSIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Assessments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(Assessment assessment) {
        jdbc.sql("""
                insert into assessment (id, application_id, customer_id, result, score, fired_rules, inputs, rule_versions,
                                        assessed_at)
                values (:id, :application, :customer, :result, :score, cast(:fired as jsonb), cast(:inputs as jsonb),
                        cast(:versions as jsonb), :at)
                """)
                .param("id", assessment.id())
                .param("application", assessment.applicationId())
                .param("customer", assessment.customerId())
                .param("result", assessment.result().name())
                .param("score", assessment.score())
                .param("fired", json.writeValueAsString(assessment.firedRules()))
                .param("inputs", json.writeValueAsString(assessment.inputs()))
                .param("versions", json.writeValueAsString(assessment.ruleVersions()))
                .param("at", OffsetDateTime.ofInstant(assessment.assessedAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<Assessment> findByApplication(UUID applicationId) {
        return jdbc.sql("""
                select id, application_id, customer_id, result, score, fired_rules::text as fired_rules,
                       inputs::text as inputs, rule_versions::text as rule_versions, assessed_at
                from assessment where application_id = ?
                """)
                .param(applicationId)
                .query(this::row)
                .optional();
    }

    private Assessment row(ResultSet rs, int n) throws SQLException {
        return new Assessment(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("customer_id", UUID.class), Result.valueOf(rs.getString("result")), rs.getInt("score"),
                json.readValue(rs.getString("fired_rules"), FIRED), json.readValue(rs.getString("inputs"), INPUTS),
                json.readValue(rs.getString("rule_versions"), VERSIONS),
                rs.getObject("assessed_at", OffsetDateTime.class).toInstant());
    }
}
