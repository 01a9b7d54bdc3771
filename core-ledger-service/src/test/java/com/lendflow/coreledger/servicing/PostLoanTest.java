package com.lendflow.coreledger.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.AdjustLoan;
import com.lendflow.contracts.payment.PrepaymentCollected;
import com.lendflow.contracts.payment.RepaymentCollected;
import com.lendflow.coreledger.books.LedgerInvariants;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.eod.EndOfDay;
import com.lendflow.coreledger.loan.OpenLoan;
import com.lendflow.coreledger.loan.OpenLoanAccount;
import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Repayment and post-loan as the other services see them: what a loan asks now (payment-service),
 * RepaymentApplied / RepaymentUnapplied for limit-service, a collected payoff, and the adjustments
 * collection-service sends (extension, waiver, restructure, write-off and recovery). The 100-yuan
 * loan: 100.00 at 9.125% over three months, installments of 33.84 (interest 0.76 first); four days
 * after the first due date it is overdue (grace 3) with one day of penalty, 0.01, and interest
 * receivable of 0.83: period 1's 0.76 and four days of period 2's 0.51.
 */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class PostLoanTest {

    @Autowired OpenLoanAccount open;
    @Autowired EndOfDay endOfDay;
    @Autowired BusinessDay businessDay;
    @Autowired EnvelopeCodec codec;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Environment environment;

    HttpProbe paymentService;

    @BeforeEach
    void probes() {
        paymentService = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class))
                .bearer(TestTokens.service("payment-service"));
    }

    @AfterEach
    void theBooksStillBalanceAndAgreeWithTheLoans() {
        LedgerInvariants.check(jdbc);
        LedgerInvariants.checkSubLedger(jdbc);
    }

    UUID hundredYuanToday() {
        return open.handle(new OpenLoan(UUID.randomUUID().toString(), UUID.randomUUID(), "CASH_LOAN_STANDARD",
                new BigDecimal("100.00"), new BigDecimal("0.09125"), 3, RepaymentMethod.EQUAL_INSTALLMENT,
                businessDay.today(), "bank-of-ningbo")).loan().id();
    }

    void closeDaysUntil(LocalDate date) {
        while (businessDay.today().isBefore(date)) {
            endOfDay.run();
        }
    }

    LocalDate firstDueDate(UUID loan) {
        return jdbc.sql("select due_date from installment where loan_id = ? and schedule_version = 1 and period = 1")
                .param(loan).query(LocalDate.class).single();
    }

    JsonNode amountsDue(UUID loan) {
        var response = paymentService.get("/internal/v1/loans/" + loan + "/amounts-due");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static String shape(JsonNode due) {
        return due.get("status").asString() + " due " + due.get("dueNow").asString() + " current "
                + due.get("currentInstallment").asString() + " payoff " + due.get("payoff").asString() + " largest "
                + due.get("largestAmount").asString() + " dpd "
                + due.get("daysPastDue").asInt();
    }

    <T extends Record> UUID send(String topic, UUID key, MessageType<T> type, T payload) {
        UUID id = UUID.randomUUID();
        KafkaProbe.send(topic, key.toString(), codec.encode(codec.wrap(type, key.toString(), payload, id,
                UUID.randomUUID(), null, Instant.now())));
        return id;
    }

    /** Waits until {@code consumer} has handled message {@code id} (recorded it in its inbox). */
    void handled(String consumer, UUID id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from messaging.inbox where consumer = ? and message_id = ?")
                        .params(consumer, id).query(Long.class).single()).isOne());
    }

    List<String> published(UUID loan, String type) {
        return jdbc.sql("""
                        select envelope::text from messaging.outbox where message_key = ? and message_type = ?
                         order by position
                        """).params(loan.toString(), type).query(String.class).list();
    }

    List<String> lines(String eventId) {
        return jdbc.sql("""
                        select l.account_code || ' ' || l.side || ' ' || l.amount
                          from journal_line l join journal_entry e on e.id = l.entry_id
                         where e.event_id = ? order by l.line_no
                        """).param(eventId).query(String.class).list();
    }

    @Test
    void amountsDueFollowALoanFromCurrentToOverdueToPaidOffByACollectedPayoff() {
        UUID loan = hundredYuanToday();

        assertThat(shape(amountsDue(loan))).isEqualTo("ACTIVE due 0.00 current 33.84 payoff 100.00 largest 33.84 dpd 0");
        assertThat(amountsDue(loan).get("drawdownId").asString()).isNotBlank();

        closeDaysUntil(firstDueDate(loan).plusDays(4));
        // Due now: installment 1 (33.84) and a day's penalty; payable now adds installment 2, paid early.
        // Payoff: 33.84 + 0.01 due, then interest to date on 66.92 for the 4 days of period 2 (0.07) and 66.92.
        JsonNode overdue = amountsDue(loan);
        assertThat(shape(overdue)).isEqualTo("ACTIVE due 33.85 current 67.69 payoff 100.84 largest 67.69 dpd 4");
        assertThat(overdue.get("asOf").asString()).isEqualTo(businessDay.today().toString());

        String payoffId = "po-" + UUID.randomUUID();
        PrepaymentCollected payoff = new PrepaymentCollected(payoffId, loan, null, null, "100.84", "unionpay",
                Instant.now());
        send(Topics.PAYMENT_REPAYMENT, loan, PrepaymentCollected.TYPE, payoff);
        handled(RepaymentMessages.PREPAID, send(Topics.PAYMENT_REPAYMENT, loan, PrepaymentCollected.TYPE, payoff));

        assertThat(shape(amountsDue(loan))).isEqualTo("SETTLED due 0.00 current 0.00 payoff 0.00 largest 0.00 dpd 0");
        assertThat(published(loan, "LoanSettled")).hasSize(1);
        assertThat(published(loan, "RepaymentApplied")).singleElement().asString()
                .contains("\"repaymentId\":\"" + payoffId + "\"", "\"kind\":\"PAYOFF\"", "\"amount\":\"100.84\"",
                        "\"principalRepaid\":\"100.00\"", "\"settled\":true");
        assertThat(paymentService.get("/internal/v1/loans/" + UUID.randomUUID() + "/amounts-due").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aStaleCollectedPayoffIsRefusedForRefundWithTheNewPriceAndBooksNothing() {
        UUID loan = hundredYuanToday();
        closeDaysUntil(businessDay.today().plusDays(10));
        String payoffId = "po-" + UUID.randomUUID();

        // Collected at the price of the day the loan opened; ten days of interest (0.25) have accrued since.
        handled(RepaymentMessages.PREPAID, send(Topics.PAYMENT_REPAYMENT, loan, PrepaymentCollected.TYPE,
                new PrepaymentCollected(payoffId, loan, null, null, "100.00", "unionpay", Instant.now())));

        assertThat(jdbc.sql("select status || ': ' || refusal from repayment where id = ?").param(payoffId)
                .query(String.class).single()).startsWith("REFUSED: quote changed").contains("costs 100.25")
                .contains("0.25 short").contains("refund 100.00");
        assertThat(lines("prepayment:" + payoffId)).isEmpty();
        assertThat(shape(amountsDue(loan))).startsWith("ACTIVE ");
    }

    @Test
    void aRepaymentIsPublishedOnceWhateverIsRetriedAndItsReversalIsPublishedToo() {
        UUID loan = hundredYuanToday();
        closeDaysUntil(firstDueDate(loan));
        String repaymentId = "rp-" + UUID.randomUUID();
        String body = """
                {"repaymentId":"%s","amount":"33.84","channel":"unionpay"}""".formatted(repaymentId);

        assertThat(paymentService.postJson("/internal/v1/loans/" + loan + "/repayments", body).statusCode())
                .isEqualTo(201);
        assertThat(paymentService.postJson("/internal/v1/loans/" + loan + "/repayments", body).statusCode())
                .isEqualTo(200);
        RepaymentCollected collected = new RepaymentCollected(repaymentId, loan, "33.84", "unionpay", Instant.now());
        handled(RepaymentMessages.COLLECTED, send(Topics.PAYMENT_REPAYMENT, loan, RepaymentCollected.TYPE, collected));

        assertThat(published(loan, "RepaymentApplied")).singleElement().asString()
                .contains("\"kind\":\"REPAYMENT\"", "\"principalRepaid\":\"33.08\"", "\"settled\":false",
                        "\"drawdownId\":\"");

        var reversed = paymentService.postJson("/internal/v1/repayments/" + repaymentId + "/reversal",
                "{\"reason\":\"chargeback from the card issuer\"}");
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        assertThat(published(loan, "RepaymentUnapplied")).singleElement().asString()
                .contains("\"repaymentId\":\"" + repaymentId + "\"", "\"principalRestored\":\"33.08\"");
        // Payoff on the due date: the installment due, then 66.92 with no days of interest yet.
        assertThat(shape(amountsDue(loan))).isEqualTo("ACTIVE due 33.84 current 33.84 payoff 100.76 largest 33.84 dpd 0");
    }

    AdjustLoan adjust(String kind, UUID loan, Integer extraPeriods, String penalty, String interest, String rate) {
        return new AdjustLoan("adj-" + UUID.randomUUID(), loan, kind, extraPeriods, penalty, interest, rate,
                "borrower in hardship", "agent-li", "supervisor-wang");
    }

    /** Sends the command twice as two messages (the second a re-send) and returns its answers once both are handled. */
    List<String> sendTwice(AdjustLoan command) {
        send(Topics.CORE_LEDGER_COMMANDS, command.loanId(), AdjustLoan.TYPE, command);
        handled(AdjustLoanOnCommand.CONSUMER, send(Topics.CORE_LEDGER_COMMANDS, command.loanId(), AdjustLoan.TYPE,
                command));
        return jdbc.sql("""
                        select message_type || ' ' || envelope::text from messaging.outbox
                         where message_key = ? and message_type like 'LoanAdjust%' and envelope::text like ?
                         order by position
                        """).params(command.loanId().toString(), "%" + command.requestId() + "%")
                .query(String.class).list();
    }

    String loanRow(UUID loan) {
        return jdbc.sql("select status || ' v' || schedule_version || ' ' || bucket || ' dpd ' || days_past_due"
                + " from loan_account where id = ?").param(loan).query(String.class).single();
    }

    @Test
    void adjustmentsAreAppliedOnceBookedBalancedAndAnsweredAgainWhenResent() {
        UUID waived = hundredYuanToday();
        UUID tooMuch = hundredYuanToday();
        UUID extended = hundredYuanToday();
        UUID restructured = hundredYuanToday();
        UUID writtenOff = hundredYuanToday();
        LocalDate overdue = firstDueDate(waived).plusDays(4);
        closeDaysUntil(overdue);
        assertThat(loanRow(extended)).isEqualTo("ACTIVE v1 M1 dpd 4");

        // Waiver: the day's penalty and the overdue interest, by a debit to the waiver expense.
        AdjustLoan waiver = adjust("WAIVER", waived, null, "0.01", "0.76", null);
        List<String> answers = sendTwice(waiver);
        assertThat(answers).hasSize(2).allSatisfy(a -> assertThat(a).startsWith("LoanAdjusted ")
                .contains("\"amount\":\"0.77\""));
        assertThat(lines("waiver:" + waiver.requestId())).containsExactly("5104 DEBIT 0.77", "1103 CREDIT 0.01",
                "1102 CREDIT 0.76");
        // What is left is the principal: 33.08 pays the installment, which is then PAID and the loan current.
        var repaid = paymentService.postJson("/internal/v1/loans/" + waived + "/repayments",
                "{\"repaymentId\":\"rp-" + UUID.randomUUID() + "\",\"amount\":\"33.08\"}");
        assertThat(repaid.statusCode()).as(repaid.body()).isEqualTo(201);
        assertThat(jdbc.sql("select state from installment where loan_id = ? and period = 1").param(waived)
                .query(String.class).single()).isEqualTo("PAID");
        assertThat(loanRow(waived)).isEqualTo("ACTIVE v1 M0 dpd 0");

        AdjustLoan excessive = adjust("WAIVER", tooMuch, null, "0.00", "0.84", null);
        assertThat(sendTwice(excessive)).hasSize(2).allSatisfy(a -> assertThat(a)
                .startsWith("LoanAdjustmentRefused ").contains("WAIVER_EXCEEDS_OWED"));
        assertThat(lines("waiver:" + excessive.requestId())).isEmpty();

        // Extension by two: the three unpaid installments and two more, from today; nothing overdue any more.
        AdjustLoan extension = adjust("EXTENSION", extended, 2, null, null, null);
        assertThat(sendTwice(extension)).hasSize(2).allSatisfy(a -> assertThat(a).startsWith("LoanAdjusted ")
                .contains("\"scheduleVersion\":2", "\"amount\":\"100.00\""));
        assertThat(loanRow(extended)).isEqualTo("ACTIVE v2 M0 dpd 0");
        assertThat(jdbc.sql("""
                        select count(*) || ' ' || sum(principal) || ' ' || min(due_date) || ' ' || bool_and(state = 'NOT_DUE')
                          from installment where loan_id = ? and schedule_version = 2
                        """).param(extended).query(String.class).single())
                .isEqualTo("5 100.00 " + overdue.plusMonths(1) + " true");
        // The interest and penalty owed stay owed, on the first new installment.
        assertThat(jdbc.sql("""
                        select carried_interest || ' ' || interest_accrued || ' ' || penalty_accrued from installment
                         where loan_id = ? and schedule_version = 2 and period = 1
                        """).param(extended).query(String.class).single()).isEqualTo("0.83 0.83 0.01");
        assertThat(published(extended, "LoanBucketChanged").getLast()).contains("\"fromBucket\":\"M1\"",
                "\"toBucket\":\"M0\"");
        // Paying it off today: the carried penalty and interest, and the principal.
        assertThat(amountsDue(extended).get("payoff").asString()).isEqualTo("100.84");
        var paidOff = paymentService.postJson("/internal/v1/loans/" + extended + "/prepayments",
                "{\"prepaymentId\":\"po-" + UUID.randomUUID() + "\",\"amount\":\"100.84\"}");
        assertThat(paidOff.statusCode()).as(paidOff.body()).isEqualTo(201);
        assertThat(loanRow(extended)).startsWith("SETTLED v3 ");

        AdjustLoan restructure = adjust("RESTRUCTURE", restructured, 6, null, null, "0.12");
        assertThat(sendTwice(restructure)).hasSize(2).allSatisfy(a -> assertThat(a).startsWith("LoanAdjusted "));
        assertThat(jdbc.sql("select servicing_rate || ' ' || annual_rate from loan_account where id = ?")
                .param(restructured).query(String.class).single()).isEqualTo("0.120000 0.091250");
        assertThat(jdbc.sql("select count(*) from installment where loan_id = ? and schedule_version = 2")
                .param(restructured).query(Long.class).single()).isEqualTo(6);

        // Write-off: principal and the receivables off the books; the debt stays collectable.
        AdjustLoan writeOff = adjust("WRITE_OFF", writtenOff, null, null, null, null);
        assertThat(sendTwice(writeOff)).hasSize(2).allSatisfy(a -> assertThat(a).startsWith("LoanAdjusted ")
                .contains("\"amount\":\"100.84\""));
        assertThat(lines("write-off:" + writeOff.requestId())).containsExactly("5102 DEBIT 100.00", "5103 DEBIT 0.84",
                "1101 CREDIT 100.00", "1102 CREDIT 0.83", "1103 CREDIT 0.01");
        assertThat(shape(amountsDue(writtenOff))).isEqualTo("WRITTEN_OFF due 100.84 current 100.84 payoff 100.84 largest 100.84 dpd 4");

        String recoveryId = "rc-" + UUID.randomUUID();
        handled(RepaymentMessages.COLLECTED, send(Topics.PAYMENT_REPAYMENT, writtenOff, RepaymentCollected.TYPE,
                new RepaymentCollected(recoveryId, writtenOff, "50.00", "unionpay", Instant.now())));
        assertThat(lines("repayment:" + recoveryId)).containsExactly("1201 DEBIT 50.00", "4104 CREDIT 50.00");
        assertThat(published(writtenOff, "RepaymentApplied")).singleElement().asString()
                .contains("\"kind\":\"RECOVERY\"", "\"principalRepaid\":\"49.16\"", "\"settled\":false");
        assertThat(amountsDue(writtenOff).get("dueNow").asString()).isEqualTo("50.84");

        // Each request applied once, and shown with who made and approved it.
        for (AdjustLoan command : List.of(waiver, excessive, extension, restructure, writeOff)) {
            assertThat(jdbc.sql("select count(*) from loan_adjustment where request_id = ?").param(command.requestId())
                    .query(Long.class).single()).isOne();
        }
        var statement = paymentService.get("/internal/v1/loans/" + writtenOff + "/statement");
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.body()).contains("\"kind\":\"WRITE_OFF\"", "\"makerId\":\"agent-li\"",
                "\"checkerId\":\"supervisor-wang\"", "\"reason\":\"borrower in hardship\"", "\"recovered\":\"50.00\"");
        UUID customer = jdbc.sql("select customer_id from loan_account where id = ?").param(writtenOff)
                .query(UUID.class).single();
        assertThat(paymentService.get("/internal/v1/customers/" + customer + "/loans").body())
                .contains("\"status\":\"WRITTEN_OFF\"", "\"outstandingPrincipal\":\"50.84\"");

        // End of day no longer accrues the written-off loan, and announces each date it closes once.
        LocalDate closing = businessDay.today();
        endOfDay.run();
        assertThat(jdbc.sql("select count(*) from accrual where loan_id = ? and business_date >= ?")
                .params(writtenOff, closing).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select envelope::text from messaging.outbox where message_type = 'BusinessDateChanged'"
                + " and message_key = ?").param(closing.toString()).query(String.class).list()).singleElement()
                .asString().contains("\"businessDate\":\"" + closing.plusDays(1) + "\"");
        assertThat(jdbc.sql("""
                        select message_key from messaging.outbox where message_type = 'BusinessDateChanged'
                         group by message_key having count(*) > 1
                        """).query(String.class).list()).isEmpty();
    }
}
