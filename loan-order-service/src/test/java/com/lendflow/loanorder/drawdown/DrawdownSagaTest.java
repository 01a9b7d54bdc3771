package com.lendflow.loanorder.drawdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.AssessDrawdownRisk;
import com.lendflow.contracts.antifraud.DrawdownRiskAssessed;
import com.lendflow.contracts.creditdecision.DecideDrawdown;
import com.lendflow.contracts.creditdecision.DrawdownDecided;
import com.lendflow.contracts.esign.LoanContractSigned;
import com.lendflow.contracts.esign.SignLoanContract;
import com.lendflow.contracts.funding.ConfirmFunding;
import com.lendflow.contracts.funding.FundingRefused;
import com.lendflow.contracts.funding.FundingReserved;
import com.lendflow.contracts.funding.ReserveFunding;
import com.lendflow.contracts.ledger.LoanAccountOpened;
import com.lendflow.contracts.ledger.OpenLoanAccount;
import com.lendflow.contracts.limit.ConfirmLimit;
import com.lendflow.contracts.limit.LimitReleased;
import com.lendflow.contracts.limit.LimitReservationRefused;
import com.lendflow.contracts.limit.LimitReserved;
import com.lendflow.contracts.limit.ReserveLimit;
import com.lendflow.contracts.loanorder.DrawdownConcluded;
import com.lendflow.contracts.marketing.CouponLocked;
import com.lendflow.contracts.marketing.LockCoupon;
import com.lendflow.contracts.marketing.RedeemCoupon;
import com.lendflow.contracts.payment.Disburse;
import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.contracts.payment.DisbursementSucceeded;
import com.lendflow.loanorder.LendflowHttpServices;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.loanorder.KafkaLog;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The drawdown saga, played through with the other services answering over Kafka and HTTP. */
class DrawdownSagaTest extends DrawdownIntegrationTest {

    @Test
    void borrowsHundredYuanOverThreeMonthsWithARateCouponToDisbursed() {
        Borrower b = borrower("43000.00");
        UUID coupon = couponOf(b);
        UUID id = borrows(b, request(b, "100", 3, "EQUAL_INSTALLMENT", coupon));

        ReserveLimit reserve = services.command(Topics.LIMIT_COMMANDS, ReserveLimit.TYPE, id);
        assertThat(reserve.customerId()).isEqualTo(b.customerId());
        assertThat(reserve.amount()).isEqualTo("100.00");
        reservesLimit(id, b, "0.146");

        LockCoupon lock = services.command(Topics.MARKETING_COMMANDS, LockCoupon.TYPE, id);
        assertThat(lock.couponId()).isEqualTo(coupon);
        assertThat(lock.amount()).isEqualTo("100.00");
        assertThat(lock.termMonths()).isEqualTo(3);
        assertThat(lock.annualRate()).isEqualTo("0.146");
        services.reply(Topics.MARKETING_COUPON, id, CouponLocked.TYPE,
                new CouponLocked(id, coupon, "RATE_DISCOUNT", "0.09125", 0));

        SignLoanContract contract = services.command(Topics.ESIGN_COMMANDS, SignLoanContract.TYPE, id);
        assertThat(contract.fullName()).isEqualTo(b.name());
        assertThat(contract.idNumber()).isEqualTo(b.idNumber());
        assertThat(contract.amount()).isEqualTo("100.00");
        assertThat(contract.annualRate()).isEqualTo("0.09125");
        assertThat(contract.method()).isEqualTo("EQUAL_INSTALLMENT");
        assertThat(contract.totalInterest()).isEqualTo("0.53");
        assertThat(contract.firstInstallment()).isEqualTo("33.84");
        assertThat(contract.firstDueDate()).isEqualTo(today().plusMonths(1));
        assertThat(contract.lastDueDate()).isEqualTo(today().plusMonths(3));
        assertThat(contract.fundingPartnerName()).isEqualTo(PARTNER_NAME);
        assertThat(contract.signedOn()).isEqualTo(today());
        JsonNode route = json.readTree(LendflowHttpServices.calls("POST", "/internal/v1/funding/routes").getLast().body());
        assertThat(route.get("grade").asString()).isEqualTo("B");
        assertThat(LendflowHttpServices.calls("POST", "/internal/v1/funding/routes").getLast().authorization())
                .startsWith("Bearer ");
        signsContract(id, b);

        AssessDrawdownRisk assess = services.command(Topics.ANTIFRAUD_COMMANDS, AssessDrawdownRisk.TYPE, id);
        assertThat(assess.cardId()).isEqualTo(b.cardId());
        assertThat(assess.amount()).isEqualTo("100.00");
        services.reply(Topics.ANTIFRAUD_ASSESSMENT, id, DrawdownRiskAssessed.TYPE,
                new DrawdownRiskAssessed(id, "PASS", 5, List.of()));

        DecideDrawdown decide = services.command(Topics.CREDIT_DECISION_COMMANDS, DecideDrawdown.TYPE, id);
        assertThat(decide.authorisation().documentId()).isEqualTo(b.authorisationId());
        assertThat(decide.mobile()).isEqualTo(b.mobile());
        assertThat(decide.termMonths()).isEqualTo(3);
        services.reply(Topics.CREDIT_DECISION_DECISION, id, DrawdownDecided.TYPE,
                new DrawdownDecided(id, "APPROVE", null, List.of("bureau fresh")));

        ReserveFunding funding = services.command(Topics.FUNDING_COMMANDS, ReserveFunding.TYPE, id);
        assertThat(funding.partnerId()).isEqualTo(PARTNER);
        assertThat(funding.amount()).isEqualTo("100.00");
        assertThat(funding.grade()).isEqualTo("B");
        reservesFunding(id);

        Disburse disburse = services.command(Topics.PAYMENT_COMMANDS, Disburse.TYPE, id);
        assertThat(disburse.cardId()).isEqualTo(b.cardId());
        assertThat(disburse.amount()).isEqualTo("100.00");
        assertThat(disburse.fundingPartnerId()).isEqualTo(PARTNER);
        awaitState(id, "DISBURSING");
        disburses(id);

        OpenLoanAccount open = services.command(Topics.CORE_LEDGER_COMMANDS, OpenLoanAccount.TYPE, id);
        assertThat(open.productCode()).isEqualTo("CASH_LOAN_STANDARD");
        assertThat(open.principal()).isEqualTo("100.00");
        assertThat(open.annualRate()).isEqualTo("0.09125");
        assertThat(open.termMonths()).isEqualTo(3);
        assertThat(open.method()).isEqualTo("EQUAL_INSTALLMENT");
        assertThat(open.startDate()).isEqualTo(today());
        assertThat(open.fundingPartner()).isEqualTo(PARTNER);
        assertThat(services.command(Topics.LIMIT_COMMANDS, ConfirmLimit.TYPE, id).customerId()).isEqualTo(b.customerId());
        assertThat(services.command(Topics.MARKETING_COMMANDS, RedeemCoupon.TYPE, id).couponId()).isEqualTo(coupon);
        assertThat(services.command(Topics.FUNDING_COMMANDS, ConfirmFunding.TYPE, id).drawdownId()).isEqualTo(id);
        UUID loanId = UUID.randomUUID();
        services.reply(Topics.CORE_LEDGER_LOAN, id, LoanAccountOpened.TYPE, new LoanAccountOpened(id, loanId,
                b.customerId(), "100.00", "0.53", List.of("33.84", "33.84", "33.85"), today().plusMonths(1)));

        JsonNode detail = awaitState(id, "DISBURSED");
        assertThat(states(detail)).containsExactly("LIMIT_RESERVED", "COUPON_LOCKED", "CONTRACT_SIGNED", "FRAUD_CHECKED",
                "APPROVED", "FUNDED", "DISBURSING", "DISBURSED");
        JsonNode mine = asCustomer(b, id);
        assertThat(mine.get("state").asString()).isEqualTo("DISBURSED");
        assertThat(mine.get("loanId").asString()).isEqualTo(loanId.toString());
        assertThat(mine.get("schedule").get("annualRate").asString()).isEqualTo("0.09125");
        assertThat(mine.get("schedule").get("totalInterest").asString()).isEqualTo("0.53");
        assertThat(mine.get("schedule").get("installments").valueStream().map(JsonNode::asString).toList())
                .containsExactly("33.84", "33.84", "33.85");
        DrawdownConcluded concluded = concludedOf(id);
        assertThat(concluded.state()).isEqualTo("DISBURSED");
        assertThat(concluded.loanId()).isEqualTo(loanId);
        String sms = awaitSms(b);
        assertThat(sms).contains("100.00").contains("4321").contains("33.84");
        assertThat(detail.toString()).doesNotContain(b.idNumber()).doesNotContain(b.mobile());
    }

    @Test
    void withoutACouponTheLoanKeepsTheLinesRateAndSkipsCouponLocked() {
        Borrower b = borrower("43000.00");
        UUID id = borrows(b, request(b, "6000", 12, "EQUAL_PRINCIPAL", null));
        reservesLimit(id, b, "0.146");

        SignLoanContract contract = services.command(Topics.ESIGN_COMMANDS, SignLoanContract.TYPE, id);
        assertThat(contract.annualRate()).isEqualTo("0.146");
        assertThat(contract.termMonths()).isEqualTo(12);
        signsContract(id, b);

        JsonNode detail = awaitState(id, "CONTRACT_SIGNED");
        assertThat(states(detail)).containsExactly("LIMIT_RESERVED", "CONTRACT_SIGNED");
        assertThat(of(detail, "COMMAND_SENT")).containsExactly("ReserveLimit", "SignLoanContract", "AssessDrawdownRisk");
        assertThat(services.typesOn(Topics.MARKETING_COMMANDS, id)).isEmpty();
    }

    @Test
    void aRefusedReservationFailsAtOnceAndReleasesNothing() {
        Borrower b = borrower("43000.00");
        UUID id = borrows(b, request(b, "500", 6, "EQUAL_INSTALLMENT", couponOf(b)));
        services.command(Topics.LIMIT_COMMANDS, ReserveLimit.TYPE, id);
        services.reply(Topics.LIMIT_CREDIT_LINE, id, LimitReservationRefused.TYPE,
                new LimitReservationRefused(id, "INSUFFICIENT_LIMIT", "200 racing drawdowns got there first"));

        JsonNode detail = awaitState(id, "FAILED");
        assertThat(detail.get("drawdown").get("step").asString()).isEqualTo("RESERVE_LIMIT");
        assertThat(detail.get("drawdown").get("reasonCode").asString()).isEqualTo("INSUFFICIENT_LIMIT");
        assertThat(detail.get("reason").asString()).contains("racing drawdowns");
        assertThat(of(detail, "COMPENSATION_SENT")).isEmpty();
        assertThat(services.typesOn(Topics.LIMIT_COMMANDS, id)).containsExactly("ReserveLimit");
        assertThat(services.typesOn(Topics.MARKETING_COMMANDS, id)).isEmpty();
        JsonNode mine = asCustomer(b, id);
        assertThat(mine.get("failure").get("reasonCode").asString()).isEqualTo("INSUFFICIENT_LIMIT");
        assertThat(mine.toString()).doesNotContain("racing");
        assertThat(awaitSms(b)).contains("500.00").contains("4321");
    }

    @Test
    void aFrozenLineRefusesTheDrawdownUpFrontAndAFreezeDuringTheSagaFailsItReadably() {
        Borrower b = borrower("43000.00");
        LendflowHttpServices.answer("GET", "/internal/v1/credit-lines/" + b.customerId(), 200, """
                {"customerId":"%s","status":"FROZEN","creditLimit":"43000.00","available":"43000.00"}"""
                .formatted(b.customerId()));
        HttpResponse<String> refused = borrow(b, request(b, "100", 3, "EQUAL_INSTALLMENT", null));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("type").asString()).endsWith("credit-line-frozen");
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("frozen");
        assertThat(rowsOf(b.customerId())).isZero();

        // Frozen after the check passed: limit-service refuses the reservation and the customer is told why.
        LendflowHttpServices.answer("GET", "/internal/v1/credit-lines/" + b.customerId(), 200, """
                {"customerId":"%s","status":"ACTIVE","creditLimit":"43000.00","available":"43000.00"}"""
                .formatted(b.customerId()));
        UUID id = borrows(b, request(b, "100", 3, "EQUAL_INSTALLMENT", null));
        services.command(Topics.LIMIT_COMMANDS, ReserveLimit.TYPE, id);
        services.reply(Topics.LIMIT_CREDIT_LINE, id, LimitReservationRefused.TYPE, new LimitReservationRefused(id,
                "LINE_FROZEN", "the customer's credit line is frozen; nothing can be drawn until it is unfrozen"));

        JsonNode detail = awaitState(id, "FAILED");
        assertThat(detail.get("drawdown").get("reasonCode").asString()).isEqualTo("LINE_FROZEN");
        assertThat(of(detail, "COMPENSATION_SENT")).isEmpty();
        JsonNode failure = asCustomer(b, id).get("failure");
        assertThat(failure.get("reasonCode").asString()).isEqualTo("CREDIT_LINE_FROZEN");
        assertThat(failure.get("message").asString()).contains("frozen");
    }

    @Test
    void anExhaustedPositionReleasesCouponAndLimitAndNothingIsPaidOut() {
        Borrower b = borrower("43000.00");
        UUID coupon = couponOf(b);
        UUID id = throughApproval(b, coupon);
        services.command(Topics.FUNDING_COMMANDS, ReserveFunding.TYPE, id);
        services.reply(Topics.FUNDING_POSITION, id, FundingRefused.TYPE,
                new FundingRefused(id, PARTNER, "POSITION_EXHAUSTED", "100% of today's plan is used"));

        JsonNode detail = awaitState(id, "FAILED");
        assertThat(detail.get("drawdown").get("step").asString()).isEqualTo("RESERVE_FUNDING");
        assertThat(detail.get("drawdown").get("reasonCode").asString()).isEqualTo("POSITION_EXHAUSTED");
        assertThat(of(detail, "COMPENSATION_SENT")).containsExactly("ReleaseCoupon", "ReleaseLimit");
        assertThat(services.typesOn(Topics.MARKETING_COMMANDS, id)).containsExactly("LockCoupon", "ReleaseCoupon");
        assertThat(services.typesOn(Topics.LIMIT_COMMANDS, id)).containsExactly("ReserveLimit", "ReleaseLimit");
        assertThat(services.typesOn(Topics.FUNDING_COMMANDS, id)).containsExactly("ReserveFunding");
        assertThat(services.typesOn(Topics.PAYMENT_COMMANDS, id)).isEmpty();

        services.reply(Topics.LIMIT_CREDIT_LINE, id, LimitReleased.TYPE, new LimitReleased(id, b.customerId(), "300.00"));
        awaitTimeline(id, "REPLY_RECEIVED", "LimitReleased", 1);
        assertThat(asOps(id).get("drawdown").get("state").asString()).isEqualTo("FAILED");
    }

    @Test
    void aFailedDisbursementReleasesFundingCouponAndLimitInReverse() {
        Borrower b = borrower("43000.00");
        UUID id = throughApproval(b, couponOf(b));
        reservesFunding(id);
        services.command(Topics.PAYMENT_COMMANDS, Disburse.TYPE, id);
        services.reply(Topics.PAYMENT_DISBURSEMENT, id, DisbursementFailed.TYPE,
                new DisbursementFailed(id, "D" + id, "CHANNEL_REJECTED", "the bank declined the transfer"));

        JsonNode detail = awaitState(id, "FAILED");
        assertThat(detail.get("drawdown").get("step").asString()).isEqualTo("DISBURSE");
        assertThat(of(detail, "COMPENSATION_SENT")).containsExactly("ReleaseFunding", "ReleaseCoupon", "ReleaseLimit");
        assertThat(services.typesOn(Topics.FUNDING_COMMANDS, id)).containsExactly("ReserveFunding", "ReleaseFunding");
        assertThat(services.typesOn(Topics.CORE_LEDGER_COMMANDS, id)).isEmpty();
        assertThat(concludedOf(id).state()).isEqualTo("FAILED");
    }

    @Test
    void aPayoutWithoutAnswerIsAskedAgainAndNeverFailedThenSucceeds() {
        Borrower b = borrower("43000.00");
        UUID id = throughApproval(b, null);
        reservesFunding(id);
        Set<UUID> seen = new HashSet<>();
        // Past max-attempts (3) × the timeout: a step that can have moved money waits on.
        for (int attempt = 1; attempt <= 4; attempt++) {
            seen.add(services.command(Topics.PAYMENT_COMMANDS, Disburse.TYPE, id, seen).envelope().id());
        }
        JsonNode waiting = asOps(id);
        assertThat(waiting.get("drawdown").get("state").asString()).isEqualTo("DISBURSING");
        assertThat(waiting.get("drawdown").get("attempts").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(of(waiting, "COMMAND_RESENT")).contains("Disburse");

        disburses(id);
        services.command(Topics.CORE_LEDGER_COMMANDS, OpenLoanAccount.TYPE, id);
        services.reply(Topics.CORE_LEDGER_LOAN, id, LoanAccountOpened.TYPE, new LoanAccountOpened(id, UUID.randomUUID(),
                b.customerId(), "300.00", "3.00", List.of("101.00", "101.00", "101.00"), today().plusMonths(1)));
        JsonNode detail = awaitState(id, "DISBURSED");
        assertThat(of(detail, "COMPENSATION_SENT")).isEmpty();
    }

    @Test
    void duplicatedAndResentRepliesChangeNothing() {
        Borrower b = borrower("43000.00");
        UUID coupon = couponOf(b);
        UUID id = borrows(b, request(b, "100", 3, "EQUAL_INSTALLMENT", coupon));
        services.command(Topics.LIMIT_COMMANDS, ReserveLimit.TYPE, id);
        LimitReserved reserved = new LimitReserved(id, b.customerId(), "100.00", "0.146", "B", "42900.00");
        Envelope first = services.reply(Topics.LIMIT_CREDIT_LINE, id, LimitReserved.TYPE, reserved);
        services.command(Topics.MARKETING_COMMANDS, LockCoupon.TYPE, id);

        services.redeliver(Topics.LIMIT_CREDIT_LINE, first);
        Envelope resent = services.reply(Topics.LIMIT_CREDIT_LINE, id, LimitReserved.TYPE, reserved);
        awaitTimeline(id, "REPLY_IGNORED", "LimitReserved", 1);

        JsonNode detail = asOps(id);
        assertThat(detail.get("drawdown").get("state").asString()).isEqualTo("LIMIT_RESERVED");
        assertThat(of(detail, "REPLY_RECEIVED")).containsExactly("LimitReserved");
        JsonNode ignored = timeline(detail).stream().filter(l -> l.get("kind").asString().equals("REPLY_IGNORED"))
                .findFirst().orElseThrow();
        assertThat(ignored.get("messageId").asString()).isEqualTo(resent.id().toString());
        // LockCoupon may have been re-sent on its timeout since, but never sent anew for a second LimitReserved.
        assertThat(of(detail, "COMMAND_SENT")).containsExactly("ReserveLimit", "LockCoupon");
    }

    @Test
    void badInputIsRefusedNamingTheFieldWithNothingStoredOrReserved() {
        Borrower b = borrower("1000.00");
        assertRefused(b, request(b, "99", 3, "EQUAL_INSTALLMENT", null), 400, "amount");
        assertRefused(b, request(b, "100.50", 3, "EQUAL_INSTALLMENT", null), 400, "amount");
        assertRefused(b, request(b, "-100", 3, "EQUAL_INSTALLMENT", null), 400, "amount");
        assertRefused(b, request(b, "100", 5, "EQUAL_INSTALLMENT", null), 400, "termMonths");
        assertRefused(b, request(b, "100", 3, "BALLOON", null), 400, "method");
        assertRefused(b, request(b, "1001", 3, "EQUAL_INSTALLMENT", null), 422, "amount");

        UUID someoneElses = UUID.randomUUID();
        LendflowHttpServices.answer("GET", "/internal/v1/bank-cards/" + someoneElses, 200, """
                {"customerId":"%s","status":"BOUND","last4":"9999"}""".formatted(UUID.randomUUID()));
        assertRefused(b, request(b, "100", 3, "EQUAL_INSTALLMENT", null).replace(b.cardId().toString(),
                someoneElses.toString()), 422, "cardId");
        UUID unbound = UUID.randomUUID();
        LendflowHttpServices.answer("GET", "/internal/v1/bank-cards/" + unbound, 200, """
                {"customerId":"%s","status":"PENDING_CONFIRMATION","last4":"1111"}""".formatted(b.customerId()));
        assertRefused(b, request(b, "100", 3, "EQUAL_INSTALLMENT", null).replace(b.cardId().toString(),
                unbound.toString()), 422, "cardId");
        assertRefused(b, request(b, "100", 3, "EQUAL_INSTALLMENT", null).replace(b.cardId().toString(),
                UUID.randomUUID().toString()), 422, "cardId");

        // Someone else's, an expired, a used or an unknown coupon, and one not for this term.
        assertRefused(b, request(b, "100", 3, "EQUAL_INSTALLMENT", coupon(UUID.randomUUID(), "ISSUED")), 422, "couponId");
        assertRefused(b, request(b, "100", 3, "EQUAL_INSTALLMENT", coupon(b.customerId(), "EXPIRED")), 422, "EXPIRED");
        assertRefused(b, request(b, "100", 3, "EQUAL_INSTALLMENT", coupon(b.customerId(), "REDEEMED")), 422, "REDEEMED");
        assertRefused(b, request(b, "100", 3, "EQUAL_INSTALLMENT", UUID.randomUUID()), 422, "couponId");
        assertRefused(b, request(b, "100", 24, "EQUAL_INSTALLMENT", couponOf(b)), 422, "24-month");

        assertThat(rowsOf(b.customerId())).isZero();
        assertThat(services.typesOn(Topics.LIMIT_COMMANDS, b.customerId())).isEmpty();
    }

    @Test
    void aRetriedRequestGetsTheSameDrawdownOnce() {
        Borrower b = borrower("150.00");
        String body = request(b, "100", 3, "EQUAL_INSTALLMENT", null);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = appBackend.with("X-Customer-Id", b.customerId().toString())
                .postJson(PATH, body, java.util.Map.of("Idempotency-Key", key));
        // The limit it reserved would refuse a second check: the retry is answered from the stored response.
        LendflowHttpServices.answer("GET", "/internal/v1/credit-lines/" + b.customerId(), 200,
                "{\"status\":\"ACTIVE\",\"available\":\"50.00\"}");
        HttpResponse<String> retry = appBackend.with("X-Customer-Id", b.customerId().toString())
                .postJson(PATH, body, java.util.Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(json.readTree(retry.body()).get("id").asString()).isEqualTo(json.readTree(first.body()).get("id").asString());
        assertThat(rowsOf(b.customerId())).isEqualTo(1);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void assertRefused(Borrower b, String body, int status, String field) {
        HttpResponse<String> response = borrow(b, body);
        assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(status);
        assertThat(response.body()).contains(field);
    }

    /** Limit 300 reserved (coupon locked when given), contract signed, fraud passed, drawdown approved. */
    private UUID throughApproval(Borrower b, UUID coupon) {
        UUID id = borrows(b, request(b, "300", 3, "EQUAL_INSTALLMENT", coupon));
        reservesLimit(id, b, "0.146");
        if (coupon != null) {
            services.command(Topics.MARKETING_COMMANDS, LockCoupon.TYPE, id);
            services.reply(Topics.MARKETING_COUPON, id, CouponLocked.TYPE,
                    new CouponLocked(id, coupon, "RATE_DISCOUNT", "0.09125", 0));
        }
        services.command(Topics.ESIGN_COMMANDS, SignLoanContract.TYPE, id);
        signsContract(id, b);
        services.command(Topics.ANTIFRAUD_COMMANDS, AssessDrawdownRisk.TYPE, id);
        services.reply(Topics.ANTIFRAUD_ASSESSMENT, id, DrawdownRiskAssessed.TYPE,
                new DrawdownRiskAssessed(id, "PASS", 5, List.of()));
        services.command(Topics.CREDIT_DECISION_COMMANDS, DecideDrawdown.TYPE, id);
        services.reply(Topics.CREDIT_DECISION_DECISION, id, DrawdownDecided.TYPE,
                new DrawdownDecided(id, "APPROVE", null, List.of()));
        awaitState(id, "APPROVED");
        return id;
    }

    private void reservesLimit(UUID id, Borrower b, String rate) {
        ReserveLimit reserve = services.command(Topics.LIMIT_COMMANDS, ReserveLimit.TYPE, id);
        services.reply(Topics.LIMIT_CREDIT_LINE, id, LimitReserved.TYPE,
                new LimitReserved(id, b.customerId(), reserve.amount(), rate, "B", "42900.00"));
    }

    private void signsContract(UUID id, Borrower b) {
        services.reply(Topics.ESIGN_DOCUMENT, id, LoanContractSigned.TYPE, new LoanContractSigned(id, b.customerId(),
                UUID.randomUUID(), "cd".repeat(32), Instant.now()));
    }

    private void reservesFunding(UUID id) {
        ReserveFunding reserve = services.command(Topics.FUNDING_COMMANDS, ReserveFunding.TYPE, id);
        services.reply(Topics.FUNDING_POSITION, id, FundingReserved.TYPE, new FundingReserved(id, PARTNER, PARTNER_NAME,
                reserve.amount(), today(), "99900.00"));
    }

    private void disburses(UUID id) {
        Disburse disburse = services.command(Topics.PAYMENT_COMMANDS, Disburse.TYPE, id);
        services.reply(Topics.PAYMENT_DISBURSEMENT, id, DisbursementSucceeded.TYPE,
                new DisbursementSucceeded(id, "D" + id, "SIM-CHANNEL", disburse.amount(), Instant.now()));
    }

    private DrawdownConcluded concludedOf(UUID id) {
        return KafkaLog.first(Topics.LOAN_ORDER_DRAWDOWN, record -> record.key().equals(id.toString()),
                        Duration.ofSeconds(20))
                .map(record -> codec.payloadOf(codec.decode(record.value()), DrawdownConcluded.TYPE))
                .orElseThrow(() -> new AssertionError("no DrawdownConcluded for " + id));
    }

    private String awaitSms(Borrower b) {
        String[] text = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<LendflowHttpServices.Call> sent = LendflowHttpServices.calls("POST", "/sim/v1/sms").stream()
                    .filter(call -> call.body().contains(b.mobile())).toList();
            assertThat(sent).hasSize(1);
            text[0] = json.readTree(sent.getFirst().body()).get("text").asString();
        });
        return text[0];
    }
}
