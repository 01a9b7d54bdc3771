package com.lendflow.collection.postloan.adjustment;

import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Adjustments and the steps each went through. */
@Repository
class LoanAdjustments {

    private final JdbcClient jdbc;

    LoanAdjustments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the loan has an adjustment in flight */
    void add(LoanAdjustment a) {
        jdbc.sql("""
                insert into loan_adjustment (id, loan_id, customer_id, kind, extra_periods, penalty, interest, annual_rate,
                                             reason, days_past_due, state, maker, requested_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """)
                .param(a.id()).param(a.loanId()).param(a.customerId()).param(a.kind().name()).param(a.extraPeriods())
                .param(a.penalty()).param(a.interest()).param(a.annualRate()).param(a.reason()).param(a.daysPastDue())
                .param(a.state().name()).param(a.maker()).param(utc(a.requestedAt()))
                .update();
    }

    Optional<LoanAdjustment> find(UUID id) {
        return jdbc.sql("select * from loan_adjustment where id = ?").param(id).query(this::row).optional();
    }

    /** Reads the adjustment locked until commit, so a decision and the ledger's answer never overtake each other. */
    Optional<LoanAdjustment> lock(UUID id) {
        return jdbc.sql("select * from loan_adjustment where id = ? for update").param(id).query(this::row).optional();
    }

    /** Saves a transition made on the version read; false if someone moved it since. */
    boolean save(LoanAdjustment a) {
        return jdbc.sql("""
                update loan_adjustment
                   set state = ?, checker = ?, decided_at = ?, decision_reason = ?, schedule_version = ?, amount = ?,
                       journal_entry_id = ?, effective_on = ?, refusal_code = ?, refusal_reason = ?, concluded_at = ?,
                       version = version + 1
                 where id = ? and version = ?
                """)
                .param(a.state().name()).param(a.checker()).param(utc(a.decidedAt())).param(a.decisionReason())
                .param(a.scheduleVersion()).param(a.amount()).param(a.journalEntryId()).param(a.effectiveOn())
                .param(a.refusalCode()).param(a.refusalReason()).param(utc(a.concludedAt()))
                .param(a.id()).param(a.version())
                .update() == 1;
    }

    void step(UUID adjustmentId, AdjustmentState state, String actor, Instant at, String note) {
        jdbc.sql("insert into loan_adjustment_step (adjustment_id, state, actor, at, note) values (?, ?, ?, ?, ?)")
                .param(adjustmentId).param(state.name()).param(actor).param(utc(at)).param(note)
                .update();
    }

    Optional<LoanAdjustmentView> view(UUID id) {
        return find(id).map(a -> view(a, steps(List.of(id)).getOrDefault(id, List.of())));
    }

    /** Adjustments matching the filters (either may be null), newest first. */
    List<LoanAdjustmentView> list(UUID loanId, AdjustmentState state, int limit, int offset) {
        List<LoanAdjustment> found = jdbc.sql("""
                select * from loan_adjustment
                 where (cast(:loanId as uuid) is null or loan_id = :loanId)
                   and (cast(:state as text) is null or state = :state)
                 order by requested_at desc, id
                 limit :limit offset :offset
                """)
                .param("loanId", loanId).param("state", state == null ? null : state.name())
                .param("limit", limit).param("offset", offset)
                .query(this::row).list();
        Map<UUID, List<LoanAdjustmentView.Step>> steps = steps(found.stream().map(LoanAdjustment::id).toList());
        return found.stream().map(a -> view(a, steps.getOrDefault(a.id(), List.of()))).toList();
    }

    private Map<UUID, List<LoanAdjustmentView.Step>> steps(List<UUID> ids) {
        Map<UUID, List<LoanAdjustmentView.Step>> steps = new HashMap<>();
        if (ids.isEmpty()) {
            return steps;
        }
        jdbc.sql("select * from loan_adjustment_step where adjustment_id = any(?) order by id")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> steps.computeIfAbsent(rs.getObject("adjustment_id", UUID.class), k -> new ArrayList<>())
                        .add(new LoanAdjustmentView.Step(rs.getString("state"), rs.getString("actor"),
                                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("note"))))
                .list();
        return steps;
    }

    private static LoanAdjustmentView view(LoanAdjustment a, List<LoanAdjustmentView.Step> history) {
        return new LoanAdjustmentView(a.id(), a.loanId(), a.customerId(), a.kind().name(), a.extraPeriods(), money(a.penalty()),
                money(a.interest()), a.annualRate() == null ? null : a.annualRate().setScale(6, RoundingMode.UNNECESSARY).toPlainString(),
                a.reason(), a.daysPastDue(), a.state().name(), a.maker(), a.requestedAt(), a.checker(), a.decidedAt(),
                a.decisionReason(), a.scheduleVersion(), money(a.amount()), a.journalEntryId(), a.effectiveOn(),
                a.refusalCode(), a.refusalReason(), a.concludedAt(), List.copyOf(history));
    }

    private LoanAdjustment row(ResultSet rs, int n) throws SQLException {
        return new LoanAdjustment(rs.getObject("id", UUID.class), rs.getObject("loan_id", UUID.class),
                rs.getObject("customer_id", UUID.class), AdjustmentKind.valueOf(rs.getString("kind")),
                (Integer) rs.getObject("extra_periods"), rs.getBigDecimal("penalty"), rs.getBigDecimal("interest"),
                rs.getBigDecimal("annual_rate"), rs.getString("reason"), rs.getInt("days_past_due"),
                AdjustmentState.valueOf(rs.getString("state")), rs.getString("maker"), instant(rs, "requested_at"),
                rs.getString("checker"), instant(rs, "decided_at"), rs.getString("decision_reason"),
                (Integer) rs.getObject("schedule_version"), rs.getBigDecimal("amount"),
                rs.getObject("journal_entry_id", UUID.class), rs.getObject("effective_on", LocalDate.class),
                rs.getString("refusal_code"), rs.getString("refusal_reason"), instant(rs, "concluded_at"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : Amounts.text(amount);
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
