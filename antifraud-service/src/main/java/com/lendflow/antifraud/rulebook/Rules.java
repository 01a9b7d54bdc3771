package com.lendflow.antifraud.rulebook;

import com.lendflow.antifraud.rules.DecisionThresholds;
import com.lendflow.antifraud.rules.RuleAction;
import com.lendflow.antifraud.rules.RuleBook;
import com.lendflow.antifraud.rules.RuleCode;
import com.lendflow.antifraud.rules.RuleSetting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rule table and the decision thresholds. */
@Repository
class Rules {

    private static final TypeReference<Map<String, Integer>> PARAMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Rules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    RuleBook load() {
        Map<RuleCode, RuleSetting> rules = new EnumMap<>(RuleCode.class);
        jdbc.sql("select code, enabled, params::text as params, weight, action, version from rule")
                .query((rs, row) -> setting(rs))
                .list()
                .forEach(setting -> setting.ifPresent(s -> rules.put(s.code(), s)));
        return new RuleBook(rules, thresholds());
    }

    Optional<Stored> find(RuleCode code) {
        return jdbc.sql("select code, enabled, params::text as params, weight, action, version, updated_at, updated_by"
                        + " from rule where code = ?")
                .param(code.name())
                .query((rs, row) -> {
                    Instant updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
                    String updatedBy = rs.getString("updated_by");
                    return setting(rs).map(s -> new Stored(s, updatedAt, updatedBy)).orElse(null);
                })
                .optional();
    }

    /** Writes {@code setting} over the row at {@code expectedVersion}; false if someone changed it first. */
    boolean update(RuleSetting setting, long expectedVersion, String by, Instant at) {
        return jdbc.sql("""
                update rule set enabled = :enabled, params = cast(:params as jsonb), weight = :weight, action = :action,
                                version = version + 1, updated_at = :at, updated_by = :by
                where code = :code and version = :expected
                """)
                .param("enabled", setting.enabled())
                .param("params", json.writeValueAsString(setting.params()))
                .param("weight", setting.weight())
                .param("action", setting.action().name())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .param("code", setting.code().name())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    DecisionThresholds thresholds() {
        return jdbc.sql("select review_score, reject_score, drawdown_reject_score, version from decision_threshold where id = 1")
                .query((rs, row) -> new DecisionThresholds(rs.getInt("review_score"), rs.getInt("reject_score"),
                        rs.getInt("drawdown_reject_score"), rs.getLong("version")))
                .single();
    }

    boolean updateThresholds(DecisionThresholds thresholds, long expectedVersion, String by, Instant at) {
        return jdbc.sql("""
                update decision_threshold set review_score = :review, reject_score = :reject,
                                              drawdown_reject_score = :drawdownReject, version = version + 1,
                                              updated_at = :at, updated_by = :by
                where id = 1 and version = :expected
                """)
                .param("review", thresholds.reviewScore())
                .param("reject", thresholds.rejectScore())
                .param("drawdownReject", thresholds.drawdownRejectScore())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    /** A row whose code this build does not know (added by a newer version) is skipped, not fatal. */
    private Optional<RuleSetting> setting(ResultSet rs) throws SQLException {
        return RuleCode.parse(rs.getString("code")).map(code -> {
            try {
                return new RuleSetting(code, rs.getBoolean("enabled"), json.readValue(rs.getString("params"), PARAMS),
                        rs.getInt("weight"), RuleAction.valueOf(rs.getString("action")), rs.getLong("version"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    record Stored(RuleSetting setting, Instant updatedAt, String updatedBy) {
    }
}
