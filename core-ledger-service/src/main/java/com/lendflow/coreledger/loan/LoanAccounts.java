package com.lendflow.coreledger.loan;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loan accounts and their schedule versions, in the tables of V4__create_loan_accounts.sql. */
@Component
class LoanAccounts {

    private final JdbcClient jdbc;

    LoanAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the loan, unless its disbursement already opened one: then nothing is written and the
     * answer is false. A concurrent opening of the same disbursement waits here for the other to commit.
     */
    boolean add(LoanAccount loan) {
        // The loan keeps the servicing terms of its product as they are today (grace, penalty markup).
        return jdbc.sql("""
                        insert into loan_account (id, customer_id, product_code, principal, annual_rate, term_months,
                                                  method, start_date, funding_partner, disbursement_id, status,
                                                  outstanding_principal, opened_at, version, grace_days,
                                                  penalty_markup, accrued_through, servicing_rate)
                        select ?, ?, p.code, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, p.grace_days, p.penalty_markup, ?, ?
                          from loan_product p
                         where p.code = ?
                        on conflict (disbursement_id) do nothing
                        """)
                .params(loan.id(), loan.customerId(), loan.principal(), loan.annualRate(),
                        loan.termMonths(), loan.method().name(), loan.startDate(), loan.fundingPartner(),
                        loan.disbursementId(), loan.status().name(), loan.outstandingPrincipal(),
                        OffsetDateTime.ofInstant(loan.openedAt(), ZoneOffset.UTC), loan.version(),
                        loan.startDate().minusDays(1), loan.annualRate(), loan.productCode())
                .update() == 1;
    }

    Optional<LoanAccount> findById(UUID id) {
        return jdbc.sql("select * from loan_account where id = ?").param(id).query(LoanAccounts::loan).optional();
    }

    Optional<LoanAccount> findByDisbursementId(String disbursementId) {
        return jdbc.sql("select * from loan_account where disbursement_id = ?").param(disbursementId)
                .query(LoanAccounts::loan).optional();
    }

    /** Every schedule version of the loan, oldest first; the last is the current one. */
    List<ScheduleVersion> scheduleVersions(UUID loanId) {
        record Header(int version, String reason, Instant createdAt) {
        }
        List<Header> headers = jdbc.sql("""
                        select version, reason, created_at from schedule_version where loan_id = ? order by version
                        """)
                .param(loanId)
                .query((rs, row) -> new Header(rs.getInt("version"), rs.getString("reason"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        Map<Integer, List<ScheduleVersion.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        select schedule_version, period, due_date, principal, interest, total, remaining_principal, state
                          from installment
                         where loan_id = ?
                         order by schedule_version, period
                        """)
                .param(loanId)
                .query((rs, row) -> Map.entry(rs.getInt("schedule_version"), new ScheduleVersion.Line(rs.getInt("period"),
                        rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("principal"),
                        rs.getBigDecimal("interest"), rs.getBigDecimal("total"), rs.getBigDecimal("remaining_principal"),
                        rs.getString("state"))))
                .list()
                .forEach(line -> lines.computeIfAbsent(line.getKey(), version -> new ArrayList<>()).add(line.getValue()));
        return headers.stream()
                .map(h -> new ScheduleVersion(h.version(), h.reason(), h.createdAt(), lines.getOrDefault(h.version(), List.of())))
                .toList();
    }

    private static LoanAccount loan(ResultSet rs, int row) throws SQLException {
        return new LoanAccount(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("product_code"), rs.getBigDecimal("principal"), rs.getBigDecimal("annual_rate"),
                rs.getInt("term_months"), RepaymentMethod.valueOf(rs.getString("method")),
                rs.getObject("start_date", LocalDate.class), rs.getString("funding_partner"),
                rs.getString("disbursement_id"), rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                LoanStatus.valueOf(rs.getString("status")), rs.getBigDecimal("outstanding_principal"),
                rs.getLong("version"));
    }
}
