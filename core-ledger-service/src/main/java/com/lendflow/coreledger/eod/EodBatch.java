package com.lendflow.coreledger.eod;

import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_INCOME;
import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.PENALTY_INCOME;
import static com.lendflow.coreledger.books.ChartOfAccounts.PENALTY_RECEIVABLE;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.InstallmentDue;
import com.lendflow.contracts.ledger.LoanBucketChanged;
import com.lendflow.contracts.ledger.LoanOverdue;
import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.books.PostEntry;
import com.lendflow.coreledger.books.Posting;
import com.lendflow.coreledger.servicing.ApplyRepayment;
import com.lendflow.coreledger.servicing.Delinquency;
import com.lendflow.coreledger.servicing.Delinquency.BucketMove;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One batch of end of day for business date D: a set of loans not yet processed for D, closed in
 * one transaction by a handful of set-based statements — never a transaction per loan. In order:
 * <ol>
 *   <li>interest accrues through D: each installment's interest is recognised straight-line over
 *       its period's days, so by the day before its due date exactly its scheduled interest has
 *       accrued (day-based periods — bullet loans, irregular first periods — are already
 *       outstanding × APR/365 × days, so this is their daily interest);</li>
 *   <li>installments falling due on D+1 (or earlier) become DUE;</li>
 *   <li>DUE installments still unpaid after their grace days become OVERDUE from D+1;</li>
 *   <li>penalty interest for D+1 accrues on the unpaid principal of every overdue installment:
 *       principal × APR/365 × markup, kept to 12 decimals and booked as the running total rounded
 *       HALF_UP to the fen; so after n overdue days the penalty is the n days' exact sum, rounded once;</li>
 *   <li>credit held for a borrower is applied to what fell due;</li>
 *   <li>days past due and the bucket are set as of D+1;</li>
 *   <li>InstallmentDue, LoanOverdue and LoanBucketChanged go to the outbox;</li>
 *   <li>each loan is marked processed for D (accrued_through), and the run's progress moves on.</li>
 * </ol>
 * The accruals roll up into one journal entry per batch with a line pair per funding partner;
 * the accrual rows keep the per-installment detail and name that entry. A batch that fails rolls
 * back whole, and its loans are picked up again by the rerun, so nothing accrues twice.
 */
@Component
class EodBatch {

    static final String ACCRUED = "EndOfDayAccrual";
    private static final Logger log = LoggerFactory.getLogger(EodBatch.class);

    private final JdbcClient jdbc;
    private final Books books;
    private final Outbox outbox;
    private final ApplyRepayment repayments;
    private final Delinquency delinquency;
    private final Duration lockTimeout;

    EodBatch(JdbcClient jdbc, Books books, Outbox outbox, ApplyRepayment repayments, Delinquency delinquency,
             @Value("${lendflow.core-ledger.eod.lock-timeout:PT10S}") Duration lockTimeout) {
        this.jdbc = jdbc;
        this.books = books;
        this.outbox = outbox;
        this.repayments = repayments;
        this.delinquency = delinquency;
        this.lockTimeout = lockTimeout;
    }

    /** Closes up to {@code size} loans for {@code day}; returns how many (0: none left). */
    @Transactional
    public int close(LocalDate day, int size) {
        jdbc.sql("select set_config('lock_timeout', ?, true)").param(lockTimeout.toMillis() + "ms").query(String.class)
                .single();
        List<UUID> ids = jdbc.sql("""
                        select id from loan_account
                         where status = 'ACTIVE' and accrued_through < ?
                         order by accrued_through, id
                         limit ?
                           for update
                        """)
                .params(day, size)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        UUID[] batch = ids.toArray(UUID[]::new);
        String eventId = "eod:" + day + ":" + ids.getFirst();
        Laps laps = new Laps();
        accrueInterest(day, batch, eventId);
        laps.lap("interest");
        List<Due> due = markDue(day, batch);
        laps.lap("due");
        List<Overdue> overdue = markOverdue(day, batch);
        laps.lap("overdue");
        accruePenalty(day, batch, eventId);
        laps.lap("penalty");
        bookAccruals(day, eventId);
        laps.lap("book");
        applyCredit(day, batch);
        laps.lap("credit");
        List<BucketMove> moves = delinquency.refresh(batch, day.plusDays(1), day);
        laps.lap("delinquency");
        publish(day, due, overdue, moves);
        laps.lap("publish");
        jdbc.sql("update eod_run set loans_done = loans_done + ?, batches = batches + 1 where business_date = ?")
                .params(ids.size(), day)
                .update();
        if (log.isDebugEnabled()) {
            log.debug("end of day {}: {} loans, {} due, {} overdue, {} bucket moves; {}", day, ids.size(), due.size(),
                    overdue.size(), moves.size(), laps);
        }
        return ids.size();
    }

    /** Where a batch's time goes, step by step, for the debug log. */
    private static final class Laps {

        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void lap(String step) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private void accrueInterest(LocalDate day, UUID[] batch, String eventId) {
        jdbc.sql("""
                        with target as (
                            select i.loan_id, i.schedule_version, i.period, i.interest_accrued as before,
                                   greatest(i.interest_accrued,
                                            i.carried_interest
                                            + round((i.interest - i.carried_interest)
                                                    * least(:day - i.period_start + 1, i.due_date - i.period_start)
                                                    / (i.due_date - i.period_start), 2)) as after
                              from loan_account l
                              join installment i on i.loan_id = l.id and i.schedule_version = l.schedule_version
                             where l.id = any(:batch) and i.period_start <= :day and i.interest_accrued < i.interest
                        ), accrued as (
                            update installment i
                               set interest_accrued = t.after
                              from target t
                             where i.loan_id = t.loan_id and i.schedule_version = t.schedule_version
                               and i.period = t.period and t.after > t.before
                            returning i.loan_id, i.schedule_version, i.period, t.after - t.before as amount
                        )
                        insert into accrual (loan_id, business_date, kind, schedule_version, period, amount, journal_event_id)
                        select loan_id, :day, 'INTEREST', schedule_version, period, amount, :event from accrued
                        """)
                .param("day", day).param("batch", batch).param("event", eventId)
                .update();
    }

    record Due(UUID loanId, UUID customerId, int period, LocalDate dueDate, BigDecimal amountDue) {
    }

    private List<Due> markDue(LocalDate day, UUID[] batch) {
        return jdbc.sql("""
                        update installment i
                           set state = 'DUE'
                          from loan_account l
                         where l.id = any(:batch) and i.loan_id = l.id and i.schedule_version = l.schedule_version
                           and i.state = 'NOT_DUE' and i.due_date <= :day + 1
                        returning i.loan_id, l.customer_id, i.period, i.due_date,
                                  i.principal - i.principal_paid + i.interest - i.interest_paid - i.interest_waived as amount_due
                        """)
                .param("day", day).param("batch", batch)
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)))
                .list();
    }

    record Overdue(UUID loanId, UUID customerId, int period, LocalDate dueDate, BigDecimal principal,
                   BigDecimal interest) {
    }

    private List<Overdue> markOverdue(LocalDate day, UUID[] batch) {
        return jdbc.sql("""
                        update installment i
                           set state = 'OVERDUE'
                          from loan_account l
                         where l.id = any(:batch) and i.loan_id = l.id and i.schedule_version = l.schedule_version
                           and i.state = 'DUE' and i.due_date + l.grace_days <= :day
                        returning i.loan_id, l.customer_id, i.period, i.due_date, i.principal - i.principal_paid,
                                  i.interest - i.interest_paid - i.interest_waived
                        """)
                .param("day", day).param("batch", batch)
                .query((rs, row) -> new Overdue(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
    }

    private void accruePenalty(LocalDate day, UUID[] batch, String eventId) {
        jdbc.sql("""
                        with daily as (
                            select i.loan_id, i.schedule_version, i.period, i.penalty_accrued as before,
                                   i.principal - i.principal_paid as base,
                                   round(i.penalty_exact
                                         + (i.principal - i.principal_paid) * l.servicing_rate * l.penalty_markup / 365, 12)
                                       as exact
                              from loan_account l
                              join installment i on i.loan_id = l.id and i.schedule_version = l.schedule_version
                             where l.id = any(:batch) and i.state = 'OVERDUE' and i.principal > i.principal_paid
                        ), accrued as (
                            update installment i
                               set penalty_exact = d.exact, penalty_accrued = round(d.exact, 2)
                              from daily d
                             where i.loan_id = d.loan_id and i.schedule_version = d.schedule_version
                               and i.period = d.period
                            returning i.loan_id, i.schedule_version, i.period, d.base, i.penalty_accrued - d.before as amount
                        )
                        insert into accrual (loan_id, business_date, kind, schedule_version, period, base, amount,
                                             journal_event_id)
                        select loan_id, :day, 'PENALTY', schedule_version, period, base, amount, :event
                          from accrued
                         where amount > 0
                        """)
                .param("day", day).param("batch", batch).param("event", eventId)
                .update();
    }

    /** One entry for the batch: interest and penalty accrued, a line pair per funding partner. */
    private void bookAccruals(LocalDate day, String eventId) {
        List<Posting> lines = new ArrayList<>();
        jdbc.sql("""
                        select l.funding_partner, a.kind, sum(a.amount)
                          from accrual a
                          join loan_account l on l.id = a.loan_id
                         where a.journal_event_id = ?
                         group by l.funding_partner, a.kind
                         order by l.funding_partner, a.kind
                        """)
                .param(eventId)
                .query((rs, row) -> {
                    String partner = rs.getString(1);
                    boolean interest = "INTEREST".equals(rs.getString(2));
                    BigDecimal amount = rs.getBigDecimal(3);
                    lines.add(Posting.debit(interest ? INTEREST_RECEIVABLE : PENALTY_RECEIVABLE, amount)
                            .forFundingPartner(partner));
                    lines.add(Posting.credit(interest ? INTEREST_INCOME : PENALTY_INCOME, amount)
                            .forFundingPartner(partner));
                    return null;
                })
                .list();
        if (!lines.isEmpty()) {
            books.post(new PostEntry(day, ACCRUED, eventId, null, "end of day " + day + ": interest and penalty accrued",
                    lines));
        }
    }

    private void applyCredit(LocalDate day, UUID[] batch) {
        jdbc.sql("""
                        select distinct l.id
                          from loan_account l
                          join installment i on i.loan_id = l.id and i.schedule_version = l.schedule_version
                         where l.id = any(?) and l.credit_balance > 0 and i.state in ('DUE', 'OVERDUE')
                        """)
                .param(batch)
                .query(UUID.class)
                .list()
                .forEach(loan -> repayments.applyCredit(loan, day, day.plusDays(1)));
    }

    private void publish(LocalDate day, List<Due> due, List<Overdue> overdue, List<BucketMove> moves) {
        LocalDate next = day.plusDays(1);
        for (Due d : due) {
            outbox.publish(Topics.CORE_LEDGER_LOAN, d.loanId().toString(), InstallmentDue.TYPE, new InstallmentDue(
                    d.loanId(), d.customerId(), d.period(), d.dueDate(), Amounts.text(d.amountDue())));
        }
        for (Overdue o : overdue) {
            outbox.publish(Topics.CORE_LEDGER_LOAN, o.loanId().toString(), LoanOverdue.TYPE, new LoanOverdue(
                    o.loanId(), o.customerId(), o.period(), o.dueDate(), next, Amounts.text(o.principal()),
                    Amounts.text(o.interest()), (int) (next.toEpochDay() - o.dueDate().toEpochDay())));
        }
        for (BucketMove move : moves) {
            outbox.publish(Topics.CORE_LEDGER_LOAN, move.loanId().toString(), LoanBucketChanged.TYPE,
                    new LoanBucketChanged(move.loanId(), move.customerId(), move.from(), move.to(), move.daysPastDue(),
                            next));
        }
    }
}
