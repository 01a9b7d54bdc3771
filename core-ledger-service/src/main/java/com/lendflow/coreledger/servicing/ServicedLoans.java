package com.lendflow.coreledger.servicing;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
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

/** The loan sub-ledger as servicing reads and changes it: loan accounts, installments, repayments. */
@Component
class ServicedLoans {

    private final JdbcClient jdbc;

    ServicedLoans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The loan, row-locked until the transaction ends: one repayment, prepayment or reversal at a time. */
    Optional<ServicedLoan> lock(UUID id) {
        return jdbc.sql("select * from loan_account where id = ? for update").param(id).query(ServicedLoans::loan).optional();
    }

    Optional<ServicedLoan> find(UUID id) {
        return jdbc.sql("select * from loan_account where id = ?").param(id).query(ServicedLoans::loan).optional();
    }

    List<InstallmentPosition> installments(UUID loanId, int version) {
        return jdbc.sql("""
                        select * from installment where loan_id = ? and schedule_version = ? order by period
                        """)
                .params(loanId, version)
                .query((rs, row) -> new InstallmentPosition(rs.getInt("period"),
                        rs.getObject("period_start", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                        rs.getString("state"), rs.getBigDecimal("principal"), rs.getBigDecimal("interest"),
                        rs.getBigDecimal("interest_accrued"), rs.getBigDecimal("principal_paid"),
                        rs.getBigDecimal("interest_paid"), rs.getBigDecimal("penalty_accrued"),
                        rs.getBigDecimal("penalty_paid"), rs.getBigDecimal("interest_waived"),
                        rs.getBigDecimal("penalty_waived"), rs.getBigDecimal("carried_interest")))
                .list();
    }

    /**
     * Adds payments to an installment (negative amounts take them back, for a reversal), keeps its
     * accrued interest at least what is paid, and sets its state: PAID when nothing is owed,
     * otherwise by its due date and the loan's grace days as of {@code businessDate}.
     */
    void pay(UUID loanId, int version, int period, BigDecimal principal, BigDecimal interest,
             BigDecimal interestRecognised, BigDecimal penalty, LocalDate businessDate) {
        jdbc.sql("""
                        update installment i
                           set principal_paid = principal_paid + :principal,
                               interest_paid = interest_paid + :interest,
                               interest_accrued = greatest(interest_accrued + :recognised, interest_paid + interest_waived + :interest),
                               penalty_paid = penalty_paid + :penalty
                         where loan_id = :loan and schedule_version = :version and period = :period
                        """)
                .param("principal", principal).param("interest", interest).param("recognised", interestRecognised)
                .param("penalty", penalty).param("loan", loanId).param("version", version).param("period", period)
                .update();
        restate(loanId, version, period, businessDate);
    }

    /**
     * Sets an installment's state from what it still owes: PAID when nothing (paid or waived),
     * otherwise by its due date and the loan's grace days as of {@code businessDate}.
     */
    private void restate(UUID loanId, int version, int period, LocalDate businessDate) {
        jdbc.sql("""
                        update installment i
                           set state = case
                                   when i.principal_paid = i.principal and i.interest_paid + i.interest_waived = i.interest
                                        and i.penalty_paid + i.penalty_waived = i.penalty_accrued then 'PAID'
                                   when i.due_date > :today then 'NOT_DUE'
                                   when :today - i.due_date <= l.grace_days then 'DUE'
                                   else 'OVERDUE'
                               end,
                               paid_on = case
                                   when i.principal_paid = i.principal and i.interest_paid + i.interest_waived = i.interest
                                        and i.penalty_paid + i.penalty_waived = i.penalty_accrued
                                       then coalesce(i.paid_on, :today)
                               end
                          from loan_account l
                         where l.id = i.loan_id and i.loan_id = :loan and i.schedule_version = :version
                           and i.period = :period
                        """)
                .param("today", businessDate).param("loan", loanId).param("version", version).param("period", period)
                .update();
    }

    /** Waives interest and penalty owed on an installment (never more than owed: the table's checks hold it). */
    void waive(UUID loanId, int version, int period, BigDecimal interest, BigDecimal penalty, LocalDate businessDate) {
        jdbc.sql("""
                        update installment
                           set interest_waived = interest_waived + ?, penalty_waived = penalty_waived + ?
                         where loan_id = ? and schedule_version = ? and period = ?
                        """)
                .params(interest, penalty, loanId, version, period)
                .update();
        restate(loanId, version, period, businessDate);
    }

    /** Principal repaid (negative: a reversal) and credit held (negative: credit used or given back). */
    void repaid(UUID loanId, BigDecimal principal, BigDecimal credit) {
        jdbc.sql("""
                        update loan_account
                           set outstanding_principal = outstanding_principal - :principal,
                               principal_repaid = principal_repaid + :principal,
                               credit_balance = credit_balance + :credit,
                               version = version + 1
                         where id = :loan
                        """)
                .param("principal", principal).param("credit", credit).param("loan", loanId)
                .update();
    }

    /** Settles the loan if nothing is owed on it any more; true if this call settled it. */
    boolean settleIfPaidOff(UUID loanId, LocalDate on) {
        return jdbc.sql("""
                        update loan_account l
                           set status = 'SETTLED', settled_on = ?, days_past_due = 0, bucket = 'M0'
                         where l.id = ? and l.status = 'ACTIVE' and l.outstanding_principal = 0
                           and not exists (select 1 from installment i
                                            where i.loan_id = l.id and i.schedule_version = l.schedule_version
                                              and i.state <> 'PAID')
                        """)
                .params(on, loanId)
                .update() == 1;
    }

    /** A reversed payment makes a settled loan owe again. */
    void reopen(UUID loanId) {
        jdbc.sql("update loan_account set status = 'ACTIVE', settled_on = null where id = ? and status = 'SETTLED'")
                .param(loanId)
                .update();
    }

    record Totals(BigDecimal interestPaid, BigDecimal penaltyPaid, BigDecimal feesPaid) {
    }

    /** What the loan's applied repayments paid, by component, over its whole life. */
    Totals totalsPaid(UUID loanId) {
        return jdbc.sql("""
                        select coalesce(sum(a.amount) filter (where a.component = 'INTEREST'), 0),
                               coalesce(sum(a.amount) filter (where a.component = 'PENALTY'), 0),
                               coalesce(sum(a.amount) filter (where a.component = 'FEE'), 0)
                          from repayment r
                          join repayment_allocation a on a.repayment_id = r.id
                         where r.loan_id = ? and r.status = 'APPLIED' and r.kind <> 'RECOVERY'
                        """)
                .param(loanId)
                .query((rs, row) -> new Totals(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }

    /** What recoveries have brought in on a written-off loan, by the component written off they count against. */
    record Recovered(BigDecimal principal, BigDecimal interest, BigDecimal penalty) {

        BigDecimal total() {
            return principal.add(interest).add(penalty);
        }
    }

    Recovered recovered(UUID loanId) {
        return jdbc.sql("""
                        select coalesce(sum(a.amount) filter (where a.component = 'PRINCIPAL'), 0),
                               coalesce(sum(a.amount) filter (where a.component = 'INTEREST'), 0),
                               coalesce(sum(a.amount) filter (where a.component = 'PENALTY'), 0)
                          from repayment r
                          join repayment_allocation a on a.repayment_id = r.id
                         where r.loan_id = ? and r.status = 'APPLIED' and r.kind = 'RECOVERY'
                        """)
                .param(loanId)
                .query((rs, row) -> new Recovered(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }

    /**
     * Writes the loan off as of {@code on}: its outstanding principal and the interest and penalty
     * receivable go off the books (the borrower still owes them). False if the loan was not active.
     */
    boolean writeOff(UUID loanId, BigDecimal interest, BigDecimal penalty, LocalDate on) {
        return jdbc.sql("""
                        update loan_account
                           set status = 'WRITTEN_OFF', written_off_on = ?,
                               principal_written_off = principal_written_off + outstanding_principal,
                               outstanding_principal = 0, interest_written_off = ?, penalty_written_off = ?,
                               version = version + 1
                         where id = ? and status = 'ACTIVE'
                        """)
                .params(on, interest, penalty, loanId)
                .update() == 1;
    }

    /** The rate servicing charges from now on (a restructure's new rate). */
    void chargeRate(UUID loanId, BigDecimal annualRate) {
        jdbc.sql("update loan_account set servicing_rate = ? where id = ?").params(annualRate, loanId).update();
    }

    /** A customer's loans, newest first. */
    List<ServicedLoan> ofCustomer(UUID customerId) {
        return jdbc.sql("select * from loan_account where customer_id = ? order by opened_at desc, id")
                .param(customerId).query(ServicedLoans::loan).list();
    }

    BigDecimal prepaidPrincipal(UUID loanId, int version) {
        return jdbc.sql("select prepaid_principal from schedule_version where loan_id = ? and version = ?")
                .params(loanId, version).query(BigDecimal.class).single();
    }

    Optional<Repayment> repayment(String id) {
        return jdbc.sql("select * from repayment where id = ?").param(id).query(ServicedLoans::repayment).optional();
    }

    List<Repayment> repaymentsOf(UUID loanId) {
        return jdbc.sql("select * from repayment where loan_id = ? order by received_at, id").param(loanId)
                .query(ServicedLoans::repayment).list();
    }

    void add(Repayment repayment, List<Allocation> allocations, int scheduleVersion) {
        jdbc.sql("""
                        insert into repayment (id, loan_id, kind, amount, business_date, received_at, channel, status,
                                               refusal, credit_held, journal_entry_id, schedule_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(repayment.id(), repayment.loanId(), repayment.kind().name(), repayment.amount(),
                        repayment.businessDate(), OffsetDateTime.ofInstant(repayment.receivedAt(), ZoneOffset.UTC),
                        repayment.channel(), repayment.status().name(), repayment.refusal(), repayment.creditHeld(),
                        repayment.journalEntryId(), repayment.newScheduleVersion())
                .update();
        int line = 1;
        for (Allocation allocation : allocations) {
            jdbc.sql("""
                            insert into repayment_allocation (repayment_id, line, schedule_version, period, component,
                                                              overdue, amount, recognised_on_receipt)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(repayment.id(), line++, allocation.period() == null ? null : scheduleVersion,
                            allocation.period(), allocation.component().name(), allocation.overdue(),
                            allocation.amount(), allocation.recognisedOnReceipt())
                    .update();
        }
    }

    record StoredAllocation(Integer scheduleVersion, Allocation allocation) {
    }

    List<StoredAllocation> allocationsOf(String repaymentId) {
        return jdbc.sql("select * from repayment_allocation where repayment_id = ? order by line")
                .param(repaymentId)
                .query((rs, row) -> new StoredAllocation((Integer) rs.getObject("schedule_version"), new Allocation(
                        (Integer) rs.getObject("period"), Part.valueOf(rs.getString("component")),
                        rs.getBoolean("overdue"), rs.getBigDecimal("amount"), rs.getBigDecimal("recognised_on_receipt"))))
                .list();
    }

    void reversed(String repaymentId, UUID reversalEntryId, LocalDate on, String reason) {
        jdbc.sql("""
                        update repayment
                           set status = 'REVERSED', reversal_entry_id = ?, reversed_on = ?, reversal_reason = ?
                         where id = ? and status = 'APPLIED'
                        """)
                .params(reversalEntryId, on, reason, repaymentId)
                .update();
    }

    List<LoanStatements.AccrualView> accrualsOf(UUID loanId) {
        return jdbc.sql("""
                        select business_date, kind, schedule_version, period, base, amount, journal_event_id
                          from accrual where loan_id = ? order by business_date, kind, schedule_version, period
                        """)
                .param(loanId)
                .query((rs, row) -> new LoanStatements.AccrualView(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5) == null ? null : Amounts.text(rs.getBigDecimal(5)),
                        Amounts.text(rs.getBigDecimal(6)), rs.getString(7)))
                .list();
    }

    private static ServicedLoan loan(ResultSet rs, int row) throws SQLException {
        return new ServicedLoan(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("product_code"), rs.getBigDecimal("principal"), rs.getBigDecimal("servicing_rate"),
                RepaymentMethod.valueOf(rs.getString("method")), rs.getObject("start_date", LocalDate.class),
                rs.getString("funding_partner"), rs.getString("status"), rs.getBigDecimal("outstanding_principal"),
                rs.getInt("schedule_version"), rs.getInt("grace_days"), rs.getBigDecimal("credit_balance"),
                rs.getInt("days_past_due"), rs.getString("bucket"), rs.getString("disbursement_id"),
                rs.getBigDecimal("principal_written_off"), rs.getBigDecimal("interest_written_off"),
                rs.getBigDecimal("penalty_written_off"));
    }

    private static Repayment repayment(ResultSet rs, int row) throws SQLException {
        return new Repayment(rs.getString("id"), rs.getObject("loan_id", UUID.class),
                Repayment.Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"),
                rs.getObject("business_date", LocalDate.class),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("channel"),
                Repayment.Status.valueOf(rs.getString("status")), rs.getString("refusal"),
                rs.getBigDecimal("credit_held"), rs.getObject("journal_entry_id", UUID.class),
                (Integer) rs.getObject("schedule_version"), rs.getObject("reversal_entry_id", UUID.class),
                rs.getObject("reversed_on", LocalDate.class), rs.getString("reversal_reason"));
    }
}
