package com.lendflow.payment.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.payment.PrepaymentCollected;
import com.lendflow.contracts.payment.RepaymentCollected;
import com.lendflow.contracts.payment.RepaymentReversed;
import com.lendflow.payment.Binding;
import com.lendflow.payment.Binding.BoundCard;
import com.lendflow.payment.ChannelSimulator;
import com.lendflow.payment.LedgerStub;
import com.lendflow.payment.PaymentIntegrationTest;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

class RepaymentTest extends PaymentIntegrationTest {

    @Autowired Environment environment;
    @Autowired EnvelopeCodec codec;

    Binding binding;
    LedgerEvents ledger;
    HttpProbe agent;

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        binding = new Binding(port);
        ledger = new LedgerEvents(codec);
        agent = HttpProbe.localhost(port).bearer(TestTokens.staff("agent-wu", "OPS_AGENT"));
    }

    @AfterEach
    void channelBehaves() {
        ChannelSimulator.behave();
    }

    @Test
    void repaysTheCurrentInstallmentOnceEvenWhenTheChannelCallsBackTwice() {
        BoundCard card = binding.boundCard();
        UUID loan = LedgerStub.loanOf(card.customerId(), "0.00", "35.50", "100.40");
        ChannelSimulator.misbehave("DUPLICATE_CALLBACK", Duration.ofSeconds(1), 1);

        HttpResponse<String> accepted = repay(card.customerId(), loan, "{\"mode\":\"CURRENT_INSTALLMENT\"}", key());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode order = Binding.json(accepted);
        assertThat(order.get("amount").asString()).isEqualTo("35.50");
        assertThat(order.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(order.get("card").asString()).matches("6222 \\*{4} \\*{4} [0-9]{4}");
        String id = order.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(card.customerId(), id).equals("SUCCEEDED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> history(loan).contains("CALLBACK DUPLICATE"));
        java.util.List<RepaymentCollected> collected = ledger.published(loan, RepaymentCollected.TYPE, 2, Duration.ofSeconds(3));
        assertThat(collected).hasSize(1);
        assertThat(collected.getFirst().repaymentId()).isEqualTo(id);
        assertThat(collected.getFirst().amount()).isEqualTo("35.50");
        assertThat(collected.getFirst().channel()).isEqualTo("simpay");
        // The channel knows the collection by the repayment order id, and whose account it goes to.
        JsonNode atChannel = ChannelSimulator.transfersFor(id);
        assertThat(atChannel).hasSize(1);
        assertThat(atChannel.get(0).get("direction").asString()).isEqualTo("COLLECTION");
        assertThat(atChannel.get(0).get("fundingAccount").asString()).isEqualTo(LedgerStub.FUNDING_PARTNER);
        assertThat(atChannel.get(0).get("amount").asString()).isEqualTo("35.50");
        assertThat(atChannel.get(0).get("submissions").asInt()).isEqualTo(1);
    }

    @Test
    void aPayoffIsCollectedAsAPrepaymentOfEverything() {
        BoundCard card = binding.boundCard();
        UUID loan = LedgerStub.loanOf(card.customerId(), "0.00", "35.50", "100.40");

        String id = Binding.json(repay(card.customerId(), loan, "{\"mode\":\"PAYOFF\"}", key())).get("id").asString();

        PrepaymentCollected collected = ledger.published(loan, PrepaymentCollected.TYPE, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(collected.repaymentId()).isEqualTo(id);
        assertThat(collected.principal()).isNull();
        assertThat(collected.amount()).isEqualTo("100.40");
        assertThat(ledger.published(loan, RepaymentCollected.TYPE, 0, Duration.ZERO)).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyAgainIsTheSameOrderAndCollectsOnce() {
        BoundCard card = binding.boundCard();
        UUID loan = LedgerStub.loanOf(card.customerId(), "0.00", "35.50", "100.40");
        String key = key();

        HttpResponse<String> first = repay(card.customerId(), loan, "{\"mode\":\"AMOUNT\",\"amount\":\"50.00\"}", key);
        HttpResponse<String> again = repay(card.customerId(), loan, "{\"mode\":\"AMOUNT\",\"amount\":\"50.00\"}", key);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(Binding.json(again).get("id").asString()).isEqualTo(Binding.json(first).get("id").asString());
        assertThat(ledger.published(loan, RepaymentCollected.TYPE, 2, Duration.ofSeconds(8))).hasSize(1);
        assertThat(ChannelSimulator.transfersFor(Binding.json(first).get("id").asString())).hasSize(1);
        assertThat(agent.get("/ops/v1/repayment-orders?loanId=" + loan).body()).contains("\"AMOUNT\"");
        assertThat(Binding.json(agent.get("/ops/v1/repayment-orders?loanId=" + loan))).hasSize(1);
    }

    @Test
    void someoneElsesLoanOrMoreThanThePayoffIsRefusedAndNothingIsSent() {
        BoundCard card = binding.boundCard();
        BoundCard other = binding.boundCard();
        UUID loan = LedgerStub.loanOf(card.customerId(), "0.00", "35.50", "100.40");

        HttpResponse<String> notTheirs = repay(other.customerId(), loan, "{\"mode\":\"PAYOFF\"}", key());
        HttpResponse<String> tooMuch = repay(card.customerId(), loan, "{\"mode\":\"AMOUNT\",\"amount\":\"100.41\"}", key());
        HttpResponse<String> negative = repay(card.customerId(), loan, "{\"mode\":\"AMOUNT\",\"amount\":\"-5.00\"}", key());

        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("\"field\":\"amount\"").contains("max-payoff").contains("100.40");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("\"field\":\"amount\"");
        assertThat(Binding.json(agent.get("/ops/v1/repayment-orders?loanId=" + loan))).isEmpty();
    }

    @Test
    void anAmountTheLedgerWouldNotApplyIsRefusedBeforeTheCardIsCharged() {
        BoundCard card = binding.boundCard();
        // A product that refuses overpayments: the ledger applies at most the 35.50 payable now.
        UUID loan = LedgerStub.loanOf(card.customerId(), "0.00", "35.50", "100.40", "35.50");

        HttpResponse<String> between = repay(card.customerId(), loan, "{\"mode\":\"AMOUNT\",\"amount\":\"50.00\"}", key());
        HttpResponse<String> installment = repay(card.customerId(), loan,
                "{\"mode\":\"AMOUNT\",\"amount\":\"35.50\"}", key());

        assertThat(between.statusCode()).as(between.body()).isEqualTo(422);
        assertThat(between.body()).contains("\"field\":\"amount\"", "max-payable-now", "35.50", "PAYOFF (100.40)");
        assertThat(installment.statusCode()).as(installment.body()).isEqualTo(202);
        String id = Binding.json(installment).get("id").asString();
        assertThat(Binding.json(agent.get("/ops/v1/repayment-orders?loanId=" + loan))).singleElement()
                .satisfies(order -> assertThat(order.get("requestNo").asString())
                        // The channel's number is the order's own id, never a sequence a restore could rewind.
                        .matches("LFR\\d{8}" + id.replace("-", "").toUpperCase(java.util.Locale.ROOT)));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(card.customerId(), id).equals("SUCCEEDED"));
        assertThat(ChannelSimulator.transfersFor(id)).hasSize(1);
    }

    @Test
    void aLoanThatMayNotBePaidOffYetStillTakesItsInstallment() {
        BoundCard card = binding.boundCard();
        UUID loan = LedgerStub.loanOf(card.customerId(), "0.00", "35.50", null, "35.50");

        HttpResponse<String> payoff = repay(card.customerId(), loan, "{\"mode\":\"PAYOFF\"}", key());
        HttpResponse<String> installment = repay(card.customerId(), loan, "{\"mode\":\"CURRENT_INSTALLMENT\"}", key());

        assertThat(payoff.statusCode()).as(payoff.body()).isEqualTo(422);
        assertThat(payoff.body()).contains("\"field\":\"mode\"", "prepayment-not-allowed");
        assertThat(installment.statusCode()).as(installment.body()).isEqualTo(202);
    }

    @Test
    void fundsTheChannelReturnsReverseTheRepaymentOnce() {
        BoundCard card = binding.boundCard();
        UUID loan = LedgerStub.loanOf(card.customerId(), "0.00", "35.50", "100.40");
        String id = Binding.json(repay(card.customerId(), loan, "{\"mode\":\"CURRENT_INSTALLMENT\"}", key()))
                .get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(card.customerId(), id).equals("SUCCEEDED"));
        String requestNo = ChannelSimulator.transfersFor(id).get(0).get("requestNo").asString();

        assertThat(ChannelSimulator.returnFunds(requestNo, "cardholder disputed the debit").statusCode()).isEqualTo(200);
        ChannelSimulator.returnFunds(requestNo, "cardholder disputed the debit");

        RepaymentReversed reversed = ledger.published(loan, RepaymentReversed.TYPE, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(reversed.repaymentId()).isEqualTo(id);
        assertThat(reversed.reason()).contains("cardholder disputed the debit");
        assertThat(status(card.customerId(), id)).isEqualTo("REVERSED");
        assertThat(ledger.published(loan, RepaymentReversed.TYPE, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    private HttpResponse<String> repay(UUID customer, UUID loan, String json, String key) {
        return binding.app(customer).postJson("/api/v1/loans/" + loan + "/repayments", json,
                Map.of("Idempotency-Key", key));
    }

    private String status(UUID customer, String orderId) {
        return Binding.json(binding.app(customer).get("/api/v1/repayment-orders/" + orderId)).get("status").asString();
    }

    private java.util.List<String> history(UUID loan) {
        java.util.List<String> steps = new java.util.ArrayList<>();
        Binding.json(agent.get("/ops/v1/repayment-orders?loanId=" + loan)).forEach(order -> order.get("history")
                .forEach(step -> steps.add(step.get("kind").asString() + " " + step.get("outcome").asString())));
        return steps;
    }

    private static String key() {
        return "repay-" + UUID.randomUUID();
    }
}
