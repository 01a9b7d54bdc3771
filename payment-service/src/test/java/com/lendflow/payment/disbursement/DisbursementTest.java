package com.lendflow.payment.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.payment.Disburse;
import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.contracts.payment.DisbursementSucceeded;
import com.lendflow.payment.Binding;
import com.lendflow.payment.Binding.BoundCard;
import com.lendflow.payment.Cards;
import com.lendflow.payment.ChannelSimulator;
import com.lendflow.payment.DrawdownSaga;
import com.lendflow.payment.LoanOrderStub;
import com.lendflow.payment.PaymentIntegrationTest;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class DisbursementTest extends PaymentIntegrationTest {

    @Autowired Environment environment;
    @Autowired EnvelopeCodec codec;
    @Autowired JdbcClient jdbc;

    Binding binding;
    DrawdownSaga saga;
    HttpProbe finance;
    int port;

    @BeforeEach
    void setUp() {
        port = environment.getRequiredProperty("local.server.port", Integer.class);
        binding = new Binding(port);
        saga = new DrawdownSaga(codec);
        finance = HttpProbe.localhost(port).bearer(TestTokens.staff("finance-liu", "FINANCE"));
    }

    @AfterEach
    void channelBehaves() {
        ChannelSimulator.behave();
    }

    @Test
    void paysAHundredYuanOnceAndLearnsTheOutcomeFromTheCallback() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "100.00");

        saga.send(disburse);

        DisbursementSucceeded succeeded = saga.payload(saga.reply(disburse.drawdownId()), DisbursementSucceeded.TYPE);
        assertThat(succeeded.drawdownId()).isEqualTo(disburse.drawdownId());
        assertThat(succeeded.amount()).isEqualTo("100.00");
        assertThat(succeeded.channel()).isEqualTo("simpay");
        assertThat(succeeded.requestNo()).startsWith("LFD");
        assertThat(succeeded.completedAt()).isNotNull();
        JsonNode atChannel = ChannelSimulator.transfersFor(disburse.drawdownId());
        assertThat(atChannel).hasSize(1);
        assertThat(atChannel.get(0).get("requestNo").asString()).isEqualTo(succeeded.requestNo());
        assertThat(atChannel.get(0).get("amount").asString()).isEqualTo("100.00");
        assertThat(atChannel.get(0).get("submissions").asInt()).isEqualTo(1);
        assertThat(atChannel.get(0).get("fundingAccount").asString()).isEqualTo(disburse.fundingPartnerId());
        assertThat(history(disburse.drawdownId())).contains("COMMAND RECORDED", "SUBMISSION ACCEPTED", "CALLBACK SUCCESS");
        assertThat(state(disburse.drawdownId())).isEqualTo("SUCCEEDED");
    }

    @Test
    void aTimeoutIsQueriedBackUntilTheChannelSaysSuccessAndNothingIsSentTwice() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "200.00");
        ChannelSimulator.misbehave("TIMEOUT", Duration.ofSeconds(3), 1);

        saga.send(disburse);

        DisbursementSucceeded succeeded = saga.payload(saga.reply(disburse.drawdownId()), DisbursementSucceeded.TYPE);
        assertThat(succeeded.amount()).isEqualTo("200.00");
        JsonNode atChannel = ChannelSimulator.transfersFor(disburse.drawdownId());
        assertThat(atChannel).hasSize(1);
        assertThat(atChannel.get(0).get("submissions").asInt()).isEqualTo(1);
        assertThat(atChannel.get(0).get("callbacksSent").asInt()).isZero();
        assertThat(atChannel.get(0).get("queries").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(history(disburse.drawdownId())).contains("SUBMISSION ACCEPTED", "QUERY PROCESSING", "QUERY SUCCESS");
    }

    @Test
    void anUnknownOutcomeOnSubmissionIsQueriedNeverResent() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "300.00");
        ChannelSimulator.misbehave("UNKNOWN", Duration.ofSeconds(1), 1);

        saga.send(disburse);

        assertThat(saga.payload(saga.reply(disburse.drawdownId()), DisbursementSucceeded.TYPE).amount()).isEqualTo("300.00");
        JsonNode atChannel = ChannelSimulator.transfersFor(disburse.drawdownId());
        assertThat(atChannel).hasSize(1);
        assertThat(atChannel.get(0).get("submissions").asInt()).isEqualTo(1);
        assertThat(history(disburse.drawdownId())).contains("SUBMISSION UNKNOWN", "QUERY SUCCESS");
    }

    @Test
    void aTransferTheChannelFailsIsReportedFailedWithTheChannelsReason() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "400.00");
        ChannelSimulator.misbehave("FAIL", Duration.ofSeconds(1), 1);

        saga.send(disburse);

        DisbursementFailed failed = saga.payload(saga.reply(disburse.drawdownId()), DisbursementFailed.TYPE);
        assertThat(failed.code()).isEqualTo("CHANNEL_FAILED");
        assertThat(failed.reason()).contains("CARD_ABNORMAL").contains("frozen");
        assertThat(failed.requestNo()).startsWith("LFD");
        assertThat(state(disburse.drawdownId())).isEqualTo("FAILED");
    }

    @Test
    void aDuplicateCallbackHasNoSecondEffect() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "500.00");
        ChannelSimulator.misbehave("DUPLICATE_CALLBACK", Duration.ofSeconds(1), 1);

        saga.send(disburse);

        saga.payload(saga.reply(disburse.drawdownId()), DisbursementSucceeded.TYPE);
        await().atMost(Duration.ofSeconds(20)).until(() -> history(disburse.drawdownId()).contains("CALLBACK DUPLICATE"));
        assertThat(saga.replies(disburse.drawdownId(), 2, Duration.ofSeconds(3))).hasSize(1);
        assertThat(history(disburse.drawdownId()).stream().filter(step -> step.startsWith("CALLBACK"))).hasSize(2);
    }

    @Test
    void aLateCallbackAfterTheQueryFoundTheOutcomeChangesNothing() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "600.00");
        ChannelSimulator.misbehave("LATE_CALLBACK", Duration.ofSeconds(4), 1);

        saga.send(disburse);

        saga.payload(saga.reply(disburse.drawdownId()), DisbursementSucceeded.TYPE);
        await().atMost(Duration.ofSeconds(20)).until(() -> history(disburse.drawdownId()).contains("CALLBACK DUPLICATE"));
        assertThat(history(disburse.drawdownId())).containsSubsequence("QUERY SUCCESS", "CALLBACK DUPLICATE");
        assertThat(saga.replies(disburse.drawdownId(), 2, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void aCardPastItsDailyLimitIsRefusedBeforeAnyMoneyMoves() {
        BoundCard card = binding.boundCard();
        Disburse first = disburse(card, "45000.00");
        saga.send(first);
        saga.payload(saga.reply(first.drawdownId()), DisbursementSucceeded.TYPE);
        Disburse second = disburse(card, "35000.01");

        saga.send(second);

        DisbursementFailed refused = saga.payload(saga.reply(second.drawdownId()), DisbursementFailed.TYPE);
        assertThat(refused.code()).isEqualTo("CARD_DAILY_LIMIT");
        assertThat(refused.reason()).contains("45000.00").contains("80000.00");
        assertThat(ChannelSimulator.transfersFor(second.drawdownId())).isEmpty();
        assertThat(state(second.drawdownId())).isEqualTo("REFUSED");
    }

    @Test
    void anAmountAboveTheChannelsSingleLimitIsRefusedBeforeAnyMoneyMoves() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "50000.01");

        saga.send(disburse);

        DisbursementFailed refused = saga.payload(saga.reply(disburse.drawdownId()), DisbursementFailed.TYPE);
        assertThat(refused.code()).isEqualTo("CHANNEL_LIMIT");
        assertThat(refused.reason()).contains("50000.00");
        assertThat(ChannelSimulator.transfersFor(disburse.drawdownId())).isEmpty();
    }

    @Test
    void aCardThatIsNotBoundOrNotTheCustomersIsRefusedBeforeAnyMoneyMoves() {
        BoundCard card = binding.boundCard();
        UUID customer = LoanOrderStub.customerNamed("陈三");
        String unconfirmed = Binding.json(binding.start(customer, Cards.cardNumber(), "陈三", Cards.mobile()))
                .get("id").asString();
        Disburse toUnbound = new Disburse(UUID.randomUUID(), customer, UUID.fromString(unconfirmed), "100.00", "P1");
        Disburse toSomeoneElses = new Disburse(UUID.randomUUID(), customer, card.cardId(), "100.00", "P1");

        saga.send(toUnbound);
        saga.send(toSomeoneElses);

        assertThat(saga.payload(saga.reply(toUnbound.drawdownId()), DisbursementFailed.TYPE).code())
                .isEqualTo("CARD_NOT_BOUND");
        assertThat(saga.payload(saga.reply(toSomeoneElses.drawdownId()), DisbursementFailed.TYPE).code())
                .isEqualTo("CARD_NOT_BOUND");
        assertThat(ChannelSimulator.transfersFor(toUnbound.drawdownId())).isEmpty();
        assertThat(ChannelSimulator.transfersFor(toSomeoneElses.drawdownId())).isEmpty();
    }

    @Test
    void aReSentOrRedeliveredCommandGetsTheRecordedOutcomeAndPaysNothingMore() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "700.00");
        Envelope first = saga.send(disburse);
        DisbursementSucceeded original = saga.payload(saga.reply(disburse.drawdownId()), DisbursementSucceeded.TYPE);

        saga.send(first);
        // The saga's re-send after a step timeout: same command, new message id.
        saga.send(disburse);

        List<Envelope> replies = saga.replies(disburse.drawdownId(), 2, Duration.ofSeconds(30));
        assertThat(replies).hasSize(2);
        assertThat(saga.payload(replies.get(1), DisbursementSucceeded.TYPE)).isEqualTo(original);
        assertThat(ChannelSimulator.transfersFor(disburse.drawdownId())).hasSize(1);
        assertThat(ChannelSimulator.transfersFor(disburse.drawdownId()).get(0).get("submissions").asInt()).isEqualTo(1);
    }

    @Test
    void aPayoutTheDatabaseNoLongerKnowsIsNotPaidAgainWhenItsCommandComesBack() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "650.00");
        saga.send(disburse);
        DisbursementSucceeded original = saga.payload(saga.reply(disburse.drawdownId()), DisbursementSucceeded.TYPE);
        // As after a restore from a backup taken before the payout: the record is gone, the money has moved.
        jdbc.sql("delete from disbursement_event where drawdown_id = :id").param("id", disburse.drawdownId()).update();
        jdbc.sql("delete from disbursement where drawdown_id = :id").param("id", disburse.drawdownId()).update();

        saga.send(disburse);

        List<Envelope> replies = saga.replies(disburse.drawdownId(), 2, Duration.ofSeconds(30));
        DisbursementSucceeded again = saga.payload(replies.get(1), DisbursementSucceeded.TYPE);
        assertThat(again.requestNo()).isEqualTo(original.requestNo());
        assertThat(again.amount()).isEqualTo("650.00");
        JsonNode atChannel = ChannelSimulator.transfersFor(disburse.drawdownId());
        assertThat(atChannel).hasSize(1);
        assertThat(atChannel.get(0).get("submissions").asInt()).isEqualTo(2);
        assertThat(state(disburse.drawdownId())).isEqualTo("SUCCEEDED");
    }

    @Test
    void aReSentCommandWhileTheOutcomeIsUnknownSendsNothingNew() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "800.00");
        ChannelSimulator.misbehave("TIMEOUT", Duration.ofSeconds(4), 1);
        saga.send(disburse);
        await().atMost(Duration.ofSeconds(20)).until(() -> history(disburse.drawdownId()).contains("QUERY PROCESSING"));

        saga.send(disburse);

        assertThat(saga.payload(saga.reply(disburse.drawdownId()), DisbursementSucceeded.TYPE).amount()).isEqualTo("800.00");
        assertThat(saga.replies(disburse.drawdownId(), 2, Duration.ofSeconds(3))).hasSize(1);
        assertThat(history(disburse.drawdownId())).contains("COMMAND RESENT");
        assertThat(ChannelSimulator.transfersFor(disburse.drawdownId()).get(0).get("submissions").asInt()).isEqualTo(1);
    }

    @Test
    void aCallbackWithoutTheChannelsSignatureIsRefusedAndChangesNothing() {
        BoundCard card = binding.boundCard();
        Disburse disburse = disburse(card, "900.00");
        ChannelSimulator.misbehave("TIMEOUT", Duration.ofSeconds(30), 1);
        saga.send(disburse);
        await().atMost(Duration.ofSeconds(20)).until(() -> !ChannelSimulator.transfersFor(disburse.drawdownId()).isEmpty());
        String requestNo = ChannelSimulator.transfersFor(disburse.drawdownId()).get(0).get("requestNo").asString();
        String forged = "{\"requestNo\":\"%s\",\"status\":\"FAILED\",\"amount\":\"900.00\"}".formatted(requestNo);

        HttpResponse<String> unsigned = HttpProbe.localhost(port).postJson("/callbacks/v1/channels/simpay/transfers", forged);
        HttpResponse<String> wronglySigned = HttpProbe.localhost(port).postJson("/callbacks/v1/channels/simpay/transfers",
                forged, Map.of("X-Channel-Signature", "sha256=" + "ab".repeat(32)));

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(wronglySigned.statusCode()).isEqualTo(401);
        assertThat(wronglySigned.body()).contains("bad-channel-signature");
        assertThat(state(disburse.drawdownId())).isIn("SUBMITTED", "UNKNOWN");
        assertThat(saga.replies(disburse.drawdownId(), 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void staffNeedARoleToSeeADisbursement() {
        HttpResponse<String> agentless = HttpProbe.localhost(port).bearer(TestTokens.staff("analyst-li", "RISK_ANALYST"))
                .get("/ops/v1/payments/disbursements/" + UUID.randomUUID());
        assertThat(agentless.statusCode()).isEqualTo(403);
        assertThat(finance.get("/ops/v1/payments/disbursements/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    private Disburse disburse(BoundCard card, String amount) {
        return new Disburse(UUID.randomUUID(), card.customerId(), card.cardId(), amount, "PARTNER-BANK-A");
    }

    private String state(UUID drawdownId) {
        return Binding.json(finance.get("/ops/v1/payments/disbursements/" + drawdownId)).get("state").asString();
    }

    /** The disbursement's history as "KIND OUTCOME" lines, as staff read it. */
    private List<String> history(UUID drawdownId) {
        HttpResponse<String> response = finance.get("/ops/v1/payments/disbursements/" + drawdownId);
        List<String> steps = new ArrayList<>();
        if (response.statusCode() != 200) {
            return steps;
        }
        Binding.json(response).get("history").forEach(step ->
                steps.add(step.get("kind").asString() + " " + step.get("outcome").asString()));
        return steps;
    }
}
