package com.lendflow.creditdecision.drawdown;

import com.lendflow.creditdecision.decision.Outcome;
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

/** Every drawdown decision, one per drawdown. */
@Repository
class DrawdownDecisions {

    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DrawdownDecisions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(DrawdownDecision d) {
        jdbc.sql("""
                insert into drawdown_decision (id, drawdown_id, customer_id, outcome, reason_code, reasons, amount, term_months,
                                               credit_decision_id, decided_limit, inputs, scorecard_version, decided_at)
                values (:id, :drawdown, :customer, :outcome, :reasonCode, cast(:reasons as jsonb), :amount, :term,
                        :creditDecision, :limit, cast(:inputs as jsonb), :scorecard, :at)
                """)
                .param("id", d.id())
                .param("drawdown", d.drawdownId())
                .param("customer", d.customerId())
                .param("outcome", d.outcome().name())
                .param("reasonCode", d.reasonCode())
                .param("reasons", json.writeValueAsString(d.reasons()))
                .param("amount", d.amount())
                .param("term", d.termMonths())
                .param("creditDecision", d.creditDecisionId())
                .param("limit", d.decidedLimit())
                .param("inputs", json.writeValueAsString(d.inputs()))
                .param("scorecard", d.scorecardVersion())
                .param("at", OffsetDateTime.ofInstant(d.decidedAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<DrawdownDecision> findByDrawdown(UUID drawdownId) {
        return jdbc.sql("""
                select id, drawdown_id, customer_id, outcome, reason_code, reasons::text as reasons, amount, term_months,
                       credit_decision_id, decided_limit, inputs::text as inputs, scorecard_version, decided_at
                from drawdown_decision where drawdown_id = ?
                """)
                .param(drawdownId)
                .query(this::row)
                .optional();
    }

    private DrawdownDecision row(ResultSet rs, int n) throws SQLException {
        return new DrawdownDecision(rs.getObject("id", UUID.class), rs.getObject("drawdown_id", UUID.class),
                rs.getObject("customer_id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reason_code"), json.readValue(rs.getString("reasons"), REASONS), rs.getBigDecimal("amount"),
                rs.getInt("term_months"), rs.getObject("credit_decision_id", UUID.class), rs.getBigDecimal("decided_limit"),
                json.readValue(rs.getString("inputs"), INPUTS), rs.getObject("scorecard_version", Integer.class),
                rs.getObject("decided_at", OffsetDateTime.class).toInstant());
    }
}
