package com.lendflow.coreledger.servicing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Adjustments by request id (table loan_adjustment, V6__create_loan_adjustments.sql). */
@Component
class LoanAdjustments {

    private final JdbcClient jdbc;

    LoanAdjustments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Adjustment> find(String requestId) {
        return jdbc.sql("select * from loan_adjustment where request_id = ?").param(requestId)
                .query(LoanAdjustments::adjustment).optional();
    }

    List<Adjustment> ofLoan(UUID loanId) {
        return jdbc.sql("select * from loan_adjustment where loan_id = ? order by created_at, request_id").param(loanId)
                .query(LoanAdjustments::adjustment).list();
    }

    void add(Adjustment a) {
        jdbc.sql("""
                        insert into loan_adjustment (request_id, loan_id, customer_id, kind, outcome, code, refusal, amount,
                                                     penalty, interest, extra_periods, annual_rate, schedule_version,
                                                     journal_entry_id, effective_on, reason, maker_id, checker_id,
                                                     created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(a.requestId(), a.loanId(), a.customerId(), a.kind(), a.applied() ? "APPLIED" : "REFUSED",
                        a.code(), a.refusal(), a.amount(), a.penalty(), a.interest(), a.extraPeriods(), a.annualRate(),
                        a.scheduleVersion(), a.journalEntryId(), a.effectiveOn(), a.reason(), a.makerId(),
                        a.checkerId(), OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC))
                .update();
    }

    private static Adjustment adjustment(ResultSet rs, int row) throws SQLException {
        return new Adjustment(rs.getString("request_id"), rs.getObject("loan_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getString("kind"),
                "APPLIED".equals(rs.getString("outcome")), rs.getString("code"), rs.getString("refusal"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("penalty"), rs.getBigDecimal("interest"),
                (Integer) rs.getObject("extra_periods"), rs.getBigDecimal("annual_rate"),
                (Integer) rs.getObject("schedule_version"), rs.getObject("journal_entry_id", UUID.class),
                rs.getObject("effective_on", LocalDate.class), rs.getString("reason"), rs.getString("maker_id"),
                rs.getString("checker_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
