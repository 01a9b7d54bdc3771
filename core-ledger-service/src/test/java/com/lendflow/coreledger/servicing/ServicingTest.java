package com.lendflow.coreledger.servicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.RepaymentCollected;
import com.lendflow.coreledger.books.LedgerInvariants;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.eod.EndOfDay;
import com.lendflow.coreledger.loan.OpenLoan;
import com.lendflow.coreledger.loan.OpenLoanAccount;
import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.coreledger.schedule.Reshape;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A loan's life after it opens: end of day accrues and ages it, repayments are allocated in the
 * prescribed order, prepayment reschedules, reversal compensates. Loans open on the current
 * business date, which only end of day moves; expected figures are computed here by hand.
 * The 100-yuan loan: 100.00 at 9.125% over three months, equal installments of 33.84
 * (interest 0.76, 0.51, 0.26 on a regular first month).
 */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class ServicingTest {

    static final BigDecimal RATE = new BigDecimal("0.09125");

    @Autowired OpenLoanAccount open;
    @Autowired EndOfDay endOfDay;
    @Autowired BusinessDay businessDay;
    @Autowired ApplyRepayment repayments;
    @Autowired Prepayments prepayments;
    @Autowired LoanStatements statements;
    @Autowired ReverseRepayment reversals;
    @Autowired EnvelopeCodec codec;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void theBooksStillBalanceAndAgreeWithTheLoans() {
        LedgerInvariants.check(jdbc);
        LedgerInvariants.checkSubLedger(jdbc);
    }

    UUID hundredYuanToday() {
        return open.handle(new OpenLoan("dsb-" + UUID.randomUUID(), UUID.randomUUID(), "CASH_LOAN_STANDARD",
                new BigDecimal("100.00"), RATE, 3, RepaymentMethod.EQUAL_INSTALLMENT, businessDay.today(),
                "bank-of-ningbo")).loan().id();
    }

    void closeDaysUntil(LocalDate date) {
        while (businessDay.today().isBefore(date)) {
            endOfDay.run();
        }
    }

    LocalDate dueDate(UUID loan, int period) {
        return jdbc.sql("""
                        select i.due_date from installment i join loan_account l on l.id = i.loan_id
                         where i.loan_id = ? and i.schedule_version = l.schedule_version and i.period = ?
                        """).params(loan, period).query(LocalDate.class).single();
    }

    String installment(UUID loan, int period) {
        return jdbc.sql("""
                        select i.state || ' interest ' || i.interest_accrued || '/' || i.interest || ' paid '
                               || i.principal_paid || '+' || i.interest_paid || ' penalty ' || i.penalty_accrued
                               || '/' || i.penalty_paid
                          from installment i join loan_account l on l.id = i.loan_id
                         where i.loan_id = ? and i.schedule_version = l.schedule_version and i.period = ?
                        """).params(loan, period).query(String.class).single();
    }

    Repayment repay(UUID loan, String amount) {
        return repayments.handle(new ReceiveRepayment("rp-" + UUID.randomUUID(), loan, new BigDecimal(amount), "unionpay",
                Instant.now()), ApplyRepayment.OnRefusal.PROBLEM);
    }

    List<String> allocations(String repaymentId) {
        return jdbc.sql("""
                        select coalesce(period::text, '-') || ' ' || component || case when overdue then ' overdue ' else ' ' end || amount
                          from repayment_allocation where repayment_id = ? order by line
                        """).param(repaymentId).query(String.class).list();
    }

    @Test
    void interestAccruesDailyToExactlyTheScheduledInterestByTheDueDate() {
        UUID loan = hundredYuanToday();
        LocalDate due = dueDate(loan, 1);

        closeDaysUntil(due.minusDays(1));
        assertThat(installment(loan, 1)).startsWith("NOT_DUE interest ");
        closeDaysUntil(due);

        assertThat(installment(loan, 1)).isEqualTo("DUE interest 0.76/0.76 paid 0.00+0.00 penalty 0.00/0.00");
        // One accrual per day of the period, straight-line: round(0.76 · k / days) − round(0.76 · (k−1) / days).
        long days = due.toEpochDay() - jdbc.sql("select start_date from loan_account where id = ?").param(loan)
                .query(LocalDate.class).single().toEpochDay();
        assertThat(jdbc.sql("select count(*) from accrual where loan_id = ? and kind = 'INTEREST' and period = 1")
                .param(loan).query(Long.class).single()).isLessThanOrEqualTo(days);
        assertThat(jdbc.sql("select sum(amount) from accrual where loan_id = ? and kind = 'INTEREST' and period = 1")
                .param(loan).query(BigDecimal.class).single()).isEqualByComparingTo("0.76");
        assertThat(jdbc.sql("select days_past_due || ' ' || bucket from loan_account where id = ?").param(loan)
                .query(String.class).single()).isEqualTo("0 M0");
    }

    @Test
    void repaymentOnTheDueDatePaysInterestThenPrincipal() {
        UUID loan = hundredYuanToday();
        closeDaysUntil(dueDate(loan, 1));

        Repayment repayment = repay(loan, "33.84");

        assertThat(allocations(repayment.id())).containsExactly("1 INTEREST 0.76", "1 PRINCIPAL 33.08");
        assertThat(installment(loan, 1)).isEqualTo("PAID interest 0.76/0.76 paid 33.08+0.76 penalty 0.00/0.00");
        assertThat(jdbc.sql("select outstanding_principal from loan_account where id = ?").param(loan)
                .query(BigDecimal.class).single()).isEqualByComparingTo("66.92");
        assertThat(jdbc.sql("""
                        select l.account_code || ' ' || l.side || ' ' || l.amount from journal_line l
                         where l.entry_id = ? order by l.line_no
                        """).param(repayment.journalEntryId()).query(String.class).list())
                .containsExactly("1201 DEBIT 33.84", "1102 CREDIT 0.76", "1101 CREDIT 33.08");
    }

    @Test
    void repaymentWithinGraceOwesNoPenalty() {
        UUID loan = hundredYuanToday();
        closeDaysUntil(dueDate(loan, 1).plusDays(3));
        assertThat(installment(loan, 1)).startsWith("DUE ").endsWith("penalty 0.00/0.00");

        Repayment repayment = repay(loan, "33.84");

        assertThat(allocations(repayment.id())).containsExactly("1 INTEREST 0.76", "1 PRINCIPAL 33.08");
        assertThat(installment(loan, 1)).startsWith("PAID ");
    }

    @Test
    void fortyFiveDaysOverdueOwesPenaltyPaidFirst() {
        UUID loan = hundredYuanToday();
        LocalDate due = dueDate(loan, 1);
        closeDaysUntil(due.plusDays(45));

        // Overdue from the 4th day after the due date (grace 3): 42 days of penalty on 33.08 at
        // 9.125% / 365 × 1.5 a day = 33.08 × 0.09125 × 1.5 × 42 / 365 = 0.52099..., rounded 0.52.
        BigDecimal penalty = new BigDecimal("33.08").multiply(RATE).multiply(new BigDecimal("1.5"))
                .multiply(BigDecimal.valueOf(42)).divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_UP);
        assertThat(penalty).isEqualByComparingTo("0.52");
        assertThat(installment(loan, 1)).isEqualTo("OVERDUE interest 0.76/0.76 paid 0.00+0.00 penalty 0.52/0.00");
        assertThat(jdbc.sql("select days_past_due || ' ' || bucket from loan_account where id = ?").param(loan)
                .query(String.class).single()).isEqualTo("45 M2");

        Repayment repayment = repay(loan, "10.00");
        assertThat(allocations(repayment.id()).getFirst()).startsWith("1 PENALTY overdue ");
        assertThat(allocations(repayment.id())).containsSubsequence("1 INTEREST overdue 0.76");
        assertThat(allocations(repayment.id()).stream().mapToInt(a -> a.contains("PRINCIPAL") ? 1 : 0).sum())
                .isPositive();
    }

    @Test
    void aRepaymentDeliveredTwiceByMessageIsAppliedOnce() {
        UUID loan = hundredYuanToday();
        String repaymentId = "rp-" + UUID.randomUUID();
        RepaymentCollected collected = new RepaymentCollected(repaymentId, loan, "20.00", "unionpay", Instant.now());
        String first = codec.encode(codec.wrap(RepaymentCollected.TYPE, loan.toString(), collected, UUID.randomUUID(),
                UUID.randomUUID(), null, Instant.now()));
        String second = codec.encode(codec.wrap(RepaymentCollected.TYPE, loan.toString(), collected, UUID.randomUUID(),
                UUID.randomUUID(), null, Instant.now()));

        KafkaProbe.send(Topics.PAYMENT_REPAYMENT, loan.toString(), first);
        KafkaProbe.send(Topics.PAYMENT_REPAYMENT, loan.toString(), first);
        KafkaProbe.send(Topics.PAYMENT_REPAYMENT, loan.toString(), second);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from repayment where id = ?").param(repaymentId).query(Long.class).single()).isOne());
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(jdbc.sql("select count(*) from journal_entry where event_id = ?").param("repayment:" + repaymentId)
                    .query(Long.class).single()).isOne();
            assertThat(jdbc.sql("select outstanding_principal from loan_account where id = ?").param(loan)
                    .query(BigDecimal.class).single()).isEqualByComparingTo("80.76");
        });
    }

    @Test
    void overpaymentIsRefusedByTheStandardProductAndChangesNothing() {
        UUID loan = hundredYuanToday();

        assertThatThrownBy(() -> repay(loan, "40.00")).isInstanceOf(ApiProblem.class).hasMessageContaining("33.84");
        assertThat(jdbc.sql("select count(*) from repayment where loan_id = ?").param(loan).query(Long.class).single())
                .isZero();
    }

    @Test
    void aProductThatHoldsOverpaymentKeepsTheRestAsCreditAndSpendsItWhenTheNextInstallmentFallsDue() {
        String product = "CASH_LOAN_CREDIT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("""
                insert into loan_product (code, name, allowed_terms, allowed_methods, min_rate, max_rate, min_amount,
                                          max_amount, amount_step, grace_days, penalty_markup,
                                          prepayment_allowed_after_days, prepayment_fee_rate, day_count, overpayment,
                                          active, version)
                select ?, 'Cash loan, overpayment held as credit', allowed_terms, allowed_methods, min_rate, max_rate,
                       min_amount, max_amount, amount_step, grace_days, penalty_markup, prepayment_allowed_after_days,
                       prepayment_fee_rate, day_count, 'HOLD_AS_CREDIT', active, 0
                  from loan_product where code = 'CASH_LOAN_STANDARD'
                """).param(product).update();
        UUID loan = open.handle(new OpenLoan("dsb-" + UUID.randomUUID(), UUID.randomUUID(), product,
                new BigDecimal("100.00"), RATE, 3, RepaymentMethod.EQUAL_INSTALLMENT, businessDay.today(),
                "bank-of-ningbo")).loan().id();
        LocalDate due1 = dueDate(loan, 1);
        closeDaysUntil(due1);

        // 40.00 against the 33.84 due: the installment is paid and 6.16 is held for the borrower.
        Repayment repayment = repay(loan, "40.00");

        assertThat(repayment.status()).isEqualTo(Repayment.Status.APPLIED);
        assertThat(allocations(repayment.id())).containsExactly("1 INTEREST 0.76", "1 PRINCIPAL 33.08",
                "- CREDIT 6.16");
        assertThat(jdbc.sql("""
                        select l.account_code || ' ' || l.side || ' ' || l.amount from journal_line l
                         where l.entry_id = ? order by l.line_no
                        """).param(repayment.journalEntryId()).query(String.class).list())
                .contains("1201 DEBIT 40.00", "2201 CREDIT 6.16");
        assertThat(jdbc.sql("select credit_balance from loan_account where id = ?").param(loan)
                .query(BigDecimal.class).single()).isEqualByComparingTo("6.16");
        // Such a product takes more than the installment, up to what the schedule still asks less the credit
        // held (installments 2 and 3, 33.84 + 33.85 with the last taking the rounding, less 6.16), so
        // payment-service collects no more than that.
        assertThat(statements.amountsDue(loan).largestAmount()).isEqualTo("61.53");

        // On the second due date end of day spends the credit: interest 0.51 first, then 5.65 principal.
        closeDaysUntil(dueDate(loan, 2));

        assertThat(installment(loan, 2)).isEqualTo("DUE interest 0.51/0.51 paid 5.65+0.51 penalty 0.00/0.00");
        assertThat(jdbc.sql("select credit_balance || ' ' || outstanding_principal from loan_account where id = ?")
                .param(loan).query(String.class).single()).isEqualTo("0.00 61.27");
        assertThat(jdbc.sql("select count(*) from repayment where loan_id = ? and kind = 'CREDIT'").param(loan)
                .query(Long.class).single()).isOne();
    }

    @Test
    void prepayingFiftyAfterTheFirstInstallmentReschedulesTheRest() {
        UUID loan = hundredYuanToday();
        LocalDate due1 = dueDate(loan, 1);
        LocalDate due2 = dueDate(loan, 2);
        closeDaysUntil(due1);
        repay(loan, "33.84");

        // 66.92 − 50 = 16.92 left, r = 0.09125 / 12. Shorter: the 33.84 installment pays it in one
        // period, 16.92 + round(16.92 r = 0.1287) = 17.05. Lower: two periods of
        // 16.92 r (1+r)² / ((1+r)² − 1) = 8.5566 → 8.56: 0.13 + 8.43, then 0.06 + 8.49 = 8.55.
        PrepaymentQuote shorter = prepayments.quote(loan, new BigDecimal("50.00"), Reshape.SHORTEN_TERM);
        assertThat(shorter.total()).isEqualByComparingTo("50.00");
        assertThat(shorter.newSchedule().installments()).extracting(i -> i.dueDate() + " " + i.principal() + "+"
                + i.interest() + "=" + i.total()).containsExactly(due2 + " 16.92+0.13=17.05");
        PrepaymentQuote lower = prepayments.quote(loan, new BigDecimal("50.00"), Reshape.LOWER_INSTALLMENT);
        assertThat(lower.newSchedule().installments()).extracting(i -> i.principal() + "+" + i.interest() + "="
                + i.total()).containsExactly("8.43+0.13=8.56", "8.49+0.06=8.55");

        Repayment prepaid = prepayments.prepay(new Prepayments.Prepay("pp-" + UUID.randomUUID(), loan,
                new BigDecimal("50.00"), Reshape.LOWER_INSTALLMENT, new BigDecimal("50.00"), "unionpay"));

        assertThat(prepaid.newScheduleVersion()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        select period || ' ' || principal || '+' || interest || ' ' || state from installment
                         where loan_id = ? and schedule_version = 2 order by period
                        """).param(loan).query(String.class).list())
                .containsExactly("1 33.08+0.76 PAID", "2 8.43+0.13 NOT_DUE", "3 8.49+0.06 NOT_DUE");
        assertThat(jdbc.sql("select outstanding_principal from loan_account where id = ?").param(loan)
                .query(BigDecimal.class).single()).isEqualByComparingTo("16.92");
    }

    @Test
    void payingOffMidPeriodChargesInterestOnActualDaysAndSettles() {
        UUID loan = hundredYuanToday();
        LocalDate start = businessDay.today();
        closeDaysUntil(start.plusDays(10));

        // 100.00 × 0.09125 × 10 / 365 = 0.25 interest to date, no fee on the standard product.
        PrepaymentQuote quote = prepayments.quote(loan, null, null);
        assertThat(quote.interestToDate()).isEqualByComparingTo("0.25");
        assertThat(quote.total()).isEqualByComparingTo("100.25");

        Repayment payoff = prepayments.prepay(new Prepayments.Prepay("po-" + UUID.randomUUID(), loan, null, null,
                new BigDecimal("100.25"), "unionpay"));

        assertThat(payoff.kind()).isEqualTo(Repayment.Kind.PAYOFF);
        assertThat(jdbc.sql("select status || ' ' || outstanding_principal from loan_account where id = ?").param(loan)
                .query(String.class).single()).isEqualTo("SETTLED 0.00");
        assertThat(jdbc.sql("select count(*) from messaging.outbox where message_key = ? and message_type = 'LoanSettled'")
                .param(loan.toString()).query(Long.class).single()).isOne();
    }

    @Test
    void aReversedRepaymentIsCompensatedAndTheInstallmentOwesAgain() {
        UUID loan = hundredYuanToday();
        closeDaysUntil(dueDate(loan, 1));
        Repayment repayment = repay(loan, "33.84");

        Repayment reversed = reversals.handle(repayment.id(), "chargeback from the card issuer");
        reversals.handle(repayment.id(), "delivered twice");

        assertThat(reversed.status()).isEqualTo(Repayment.Status.REVERSED);
        assertThat(installment(loan, 1)).isEqualTo("DUE interest 0.76/0.76 paid 0.00+0.00 penalty 0.00/0.00");
        assertThat(jdbc.sql("select outstanding_principal from loan_account where id = ?").param(loan)
                .query(BigDecimal.class).single()).isEqualByComparingTo("100.00");
        assertThat(jdbc.sql("select count(*) from journal_entry where reverses = ?").param(repayment.journalEntryId())
                .query(Long.class).single()).isOne();
    }
}
