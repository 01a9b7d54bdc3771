package com.lendflow.antifraud.drawdown;

import com.lendflow.antifraud.assessment.FiredRuleView;
import com.lendflow.antifraud.rules.Result;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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

/** Every drawdown assessment, one per drawdown; read back as each customer's drawdown history. */
@Repository
class DrawdownAssessments {

    private static final TypeReference<List<FiredRuleView>> FIRED = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Long>> VERSIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DrawdownAssessments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Holds the customer's drawdown history still until the transaction ends, so two of their
     * drawdowns assessed at once (different drawdowns may sit on different partitions) each count the other.
     */
    void lockHistoryOf(UUID customerId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) locked")
                .param(customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits())
                .query(Integer.class).single();
    }

    void add(DrawdownAssessment a) {
        jdbc.sql("""
                insert into drawdown_assessment (id, drawdown_id, customer_id, card_id, device_index, amount, result, score,
                                                 fired_rules, inputs, rule_versions, requested_at, assessed_at)
                values (:id, :drawdown, :customer, :card, :device, :amount, :result, :score, cast(:fired as jsonb),
                        cast(:inputs as jsonb), cast(:versions as jsonb), :requestedAt, :assessedAt)
                """)
                .param("id", a.id())
                .param("drawdown", a.drawdownId())
                .param("customer", a.customerId())
                .param("card", a.cardId())
                .param("device", a.deviceIndex())
                .param("amount", a.amount())
                .param("result", a.result().name())
                .param("score", a.score())
                .param("fired", json.writeValueAsString(a.firedRules()))
                .param("inputs", json.writeValueAsString(a.inputs()))
                .param("versions", json.writeValueAsString(a.ruleVersions()))
                .param("requestedAt", utc(a.requestedAt()))
                .param("assessedAt", utc(a.assessedAt()))
                .update();
    }

    Optional<DrawdownAssessment> findByDrawdown(UUID drawdownId) {
        return jdbc.sql("""
                select id, drawdown_id, customer_id, card_id, device_index, amount, result, score,
                       fired_rules::text as fired_rules, inputs::text as inputs, rule_versions::text as rule_versions,
                       requested_at, assessed_at
                from drawdown_assessment where drawdown_id = ?
                """)
                .param(drawdownId)
                .query(this::row)
                .optional();
    }

    /** The card of the customer's latest drawdown that passed, requested before {@code at}. */
    Optional<UUID> lastPassedCard(UUID customerId, Instant at) {
        return jdbc.sql("""
                select card_id from drawdown_assessment
                where customer_id = ? and result = 'PASS' and card_id is not null and requested_at <= ?
                order by requested_at desc, assessed_at desc limit 1
                """)
                .param(customerId).param(utc(at))
                .query(UUID.class)
                .optional();
    }

    /** When a drawdown of this customer first named the card, whatever its result. */
    Optional<Instant> cardFirstUsed(UUID customerId, UUID cardId) {
        return jdbc.sql("select min(requested_at) from drawdown_assessment where customer_id = ? and card_id = ?")
                .param(customerId).param(cardId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    /** The customer's drawdowns requested in the window that ends at {@code at}, whatever their result. */
    int requestedWithin(UUID customerId, Instant at, Duration window) {
        return jdbc.sql("""
                select count(*) from drawdown_assessment
                where customer_id = ? and requested_at > ? and requested_at <= ?
                """)
                .param(customerId).param(utc(at.minus(window))).param(utc(at))
                .query(Integer.class)
                .single();
    }

    private DrawdownAssessment row(ResultSet rs, int n) throws SQLException {
        return new DrawdownAssessment(rs.getObject("id", UUID.class), rs.getObject("drawdown_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getObject("card_id", UUID.class), rs.getString("device_index"),
                rs.getBigDecimal("amount"), Result.valueOf(rs.getString("result")), rs.getInt("score"),
                json.readValue(rs.getString("fired_rules"), FIRED), json.readValue(rs.getString("inputs"), INPUTS),
                json.readValue(rs.getString("rule_versions"), VERSIONS),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                rs.getObject("assessed_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
