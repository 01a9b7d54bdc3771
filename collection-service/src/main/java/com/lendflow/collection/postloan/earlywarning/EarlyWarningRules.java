package com.lendflow.collection.postloan.earlywarning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The early-warning rule table. A handful of rows, read per event: cheaper than keeping a cache honest. */
@Repository
class EarlyWarningRules {

    private final JdbcClient jdbc;

    EarlyWarningRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EarlyWarningRule> all() {
        return jdbc.sql("select * from early_warning_rule order by trigger_kind, min_dpd nulls last, code").query(this::row).list();
    }

    Optional<EarlyWarningRule> find(String code) {
        return jdbc.sql("select * from early_warning_rule where code = ?").param(code).query(this::row).optional();
    }

    List<EarlyWarningRule> enabledOn(String triggerKind) {
        return jdbc.sql("select * from early_warning_rule where enabled and trigger_kind = ? order by min_dpd nulls last, code")
                .param(triggerKind).query(this::row).list();
    }

    /** Saves a change made on {@code expectedVersion}; false if someone changed the rule since. */
    boolean update(String code, boolean enabled, Integer minDpd, long expectedVersion, String by, Instant at) {
        return jdbc.sql("""
                update early_warning_rule set enabled = ?, min_dpd = ?, version = version + 1, updated_by = ?, updated_at = ?
                where code = ? and version = ?
                """)
                .param(enabled).param(minDpd).param(by).param(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param(code).param(expectedVersion)
                .update() == 1;
    }

    private EarlyWarningRule row(ResultSet rs, int n) throws SQLException {
        return new EarlyWarningRule(rs.getString("code"), rs.getString("trigger_kind"), (Integer) rs.getObject("min_dpd"),
                rs.getString("action"), rs.getString("limit_code"), rs.getBoolean("enabled"), rs.getLong("version"),
                rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
