package com.lendflow.collection.postloan.earlywarning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Warnings raised and everything done about each. */
@Repository
class EarlyWarnings {

    private final JdbcClient jdbc;

    EarlyWarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The episode number the next warning of this rule for this customer takes. */
    int nextEpisode(UUID customerId, String ruleCode) {
        return jdbc.sql("select coalesce(max(episode), 0) + 1 from early_warning where customer_id = ? and rule_code = ?")
                .param(customerId).param(ruleCode).query(Integer.class).single();
    }

    Optional<EarlyWarning> open(UUID customerId, String ruleCode) {
        return jdbc.sql("select * from early_warning where customer_id = ? and rule_code = ? and open")
                .param(customerId).param(ruleCode).query(this::row).optional();
    }

    List<EarlyWarning> openFor(UUID customerId) {
        return jdbc.sql("select * from early_warning where customer_id = ? and open order by raised_at")
                .param(customerId).query(this::row).list();
    }

    /** The customer's freezes not lifted yet, whatever their episode. */
    List<EarlyWarning> freezesOf(UUID customerId) {
        return jdbc.sql("""
                select * from early_warning
                where customer_id = ? and action = 'FREEZE' and state in ('SENT', 'IN_FORCE', 'UNFREEZE_SENT')
                order by raised_at
                """)
                .param(customerId).query(this::row).list();
    }

    Optional<EarlyWarning> byRequestId(String requestId) {
        return jdbc.sql("select * from early_warning where request_id = ?").param(requestId).query(this::row).optional();
    }

    void add(EarlyWarning w) {
        jdbc.sql("""
                insert into early_warning (id, customer_id, rule_code, episode, trigger_kind, action, limit_code, days_past_due,
                                           loan_id, detail, state, open, request_id, raised_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .param(w.id()).param(w.customerId()).param(w.ruleCode()).param(w.episode()).param(w.triggerKind())
                .param(w.action()).param(w.limitCode()).param(w.daysPastDue()).param(w.loanId()).param(w.detail())
                .param(w.state()).param(w.open()).param(w.requestId()).param(utc(w.raisedAt())).param(utc(w.raisedAt()))
                .update();
    }

    void moveTo(UUID warningId, String state, boolean open, Instant at) {
        jdbc.sql("update early_warning set state = ?, open = ?, updated_at = ? where id = ?")
                .param(state).param(open).param(utc(at)).param(warningId)
                .update();
    }

    void act(UUID warningId, String kind, String requestId, String detail, Instant at) {
        jdbc.sql("insert into early_warning_action (warning_id, kind, request_id, detail, at) values (?, ?, ?, ?, ?)")
                .param(warningId).param(kind).param(requestId).param(detail).param(utc(at))
                .update();
    }

    /** The customer's warnings, newest first, each with its actions in order. */
    List<EarlyWarningView> viewsOf(UUID customerId) {
        Map<UUID, EarlyWarning> warnings = new LinkedHashMap<>();
        jdbc.sql("select * from early_warning where customer_id = ? order by raised_at desc, id")
                .param(customerId).query(this::row).list().forEach(w -> warnings.put(w.id(), w));
        Map<UUID, List<EarlyWarningView.Action>> actions = new LinkedHashMap<>();
        if (!warnings.isEmpty()) {
            jdbc.sql("select * from early_warning_action where warning_id = any(?) order by id")
                    .param(warnings.keySet().toArray(UUID[]::new))
                    .query((rs, n) -> {
                        actions.computeIfAbsent(rs.getObject("warning_id", UUID.class), id -> new ArrayList<>())
                                .add(new EarlyWarningView.Action(rs.getString("kind"), rs.getString("request_id"),
                                        rs.getString("detail"), rs.getObject("at", OffsetDateTime.class).toInstant()));
                        return null;
                    })
                    .list();
        }
        return warnings.values().stream()
                .map(w -> EarlyWarningView.of(w, actions.getOrDefault(w.id(), List.of())))
                .toList();
    }

    private EarlyWarning row(ResultSet rs, int n) throws SQLException {
        return new EarlyWarning(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("rule_code"), rs.getInt("episode"), rs.getString("trigger_kind"), rs.getString("action"),
                rs.getString("limit_code"), (Integer) rs.getObject("days_past_due"), rs.getObject("loan_id", UUID.class),
                rs.getString("detail"), rs.getString("state"), rs.getBoolean("open"), rs.getString("request_id"),
                rs.getObject("raised_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
