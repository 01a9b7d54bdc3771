package com.lendflow.payment.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.ledger.InstallmentDue;
import com.lendflow.contracts.payment.RepaymentCollected;
import com.lendflow.contracts.payment.WithholdingFailed;
import com.lendflow.payment.Binding;
import com.lendflow.payment.Binding.BoundCard;
import com.lendflow.payment.ChannelSimulator;
import com.lendflow.payment.LedgerStub;
import com.lendflow.payment.PaymentIntegrationTest;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Auto-withholding on the plan D0, D0 (after a short delay in tests), D1, D3. */
class WithholdingTest extends PaymentIntegrationTest {

    /** Each test's due date lies after the last one's, since the business date only moves forward. */
    private static final AtomicInteger DAYS = new AtomicInteger();

    @Autowired Environment environment;
    @Autowired EnvelopeCodec codec;
    @Autowired JdbcClient jdbc;

    Binding binding;
    LedgerEvents ledger;
    HttpProbe finance;

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        binding = new Binding(port);
        ledger = new LedgerEvents(codec);
        finance = HttpProbe.localhost(port).bearer(TestTokens.staff("finance-liu", "FINANCE"));
    }

    @AfterEach
    void channelBehaves() {
        ChannelSimulator.behave();
    }

    @Test
    void anEmptyCardFailsTwiceOnTheDueDateAndIsCollectedTheDayAfterThenWithholdingStops() {
        BoundCard card = binding.boundCard();
        String agreement = agreementOf(card);
        ChannelSimulator.cardHolds(agreement, "0.00", false);
        UUID loan = LedgerStub.loanOf(card.customerId(), "35.50", "35.50", "100.40");
        LocalDate d0 = dueDate();
        InstallmentDue due = new InstallmentDue(loan, card.customerId(), 1, d0, "35.50");

        ledger.installmentDue(due);
        ledger.installmentDue(due);

        List<WithholdingFailed> failed = ledger.published(loan, WithholdingFailed.TYPE, 2, Duration.ofSeconds(20));
        assertThat(failed).extracting(WithholdingFailed::attempt).containsExactly(1, 2);
        assertThat(failed).extracting(WithholdingFailed::code).containsOnly("INSUFFICIENT_FUNDS");
        assertThat(failed).extracting(WithholdingFailed::willRetry).containsOnly(true);
        assertThat(failed).extracting(WithholdingFailed::nextAttemptOn).containsExactly(d0, d0.plusDays(1));
        assertThat(failed.getFirst().amount()).isEqualTo("35.50");
        assertThat(withholding(loan).get("state").asString()).isEqualTo("SCHEDULED");

        ChannelSimulator.cardHolds(agreement, "500.00", false);
        ledger.businessDate(d0, d0.plusDays(1));

        RepaymentCollected collected = ledger.published(loan, RepaymentCollected.TYPE, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(collected.amount()).isEqualTo("35.50");
        await().atMost(Duration.ofSeconds(10)).until(() -> withholding(loan).get("state").asString().equals("PAID"));
        ledger.businessDate(d0.plusDays(2), d0.plusDays(3));
        assertThat(ledger.published(loan, 4, Duration.ofSeconds(3))).hasSize(3);
        JsonNode paid = withholding(loan);
        assertThat(paid.get("attempts").asInt()).isEqualTo(3);
        assertThat(paid.get("attemptsMade").get(2).get("orderId").asString()).isEqualTo(collected.repaymentId());
        for (JsonNode attempt : paid.get("attemptsMade")) {
            assertThat(ChannelSimulator.transfersFor(attempt.get("orderId").asString())).hasSize(1);
        }
        assertThat(Binding.json(finance.get("/ops/v1/withholdings?loanId=" + loan))).hasSize(1);
    }

    @Test
    void aWithheldInstallmentWhoseMoneyIsReturnedIsWithheldAgainOnThePlan() {
        BoundCard card = binding.boundCard();
        UUID loan = LedgerStub.loanOf(card.customerId(), "35.50", "35.50", "100.40");
        LocalDate d0 = dueDate();

        ledger.installmentDue(new InstallmentDue(loan, card.customerId(), 1, d0, "35.50"));
        RepaymentCollected first = ledger.published(loan, RepaymentCollected.TYPE, 1, Duration.ofSeconds(20)).getFirst();
        await().atMost(Duration.ofSeconds(10)).until(() -> withholding(loan).get("state").asString().equals("PAID"));
        String requestNo = ChannelSimulator.transfersFor(first.repaymentId()).get(0).get("requestNo").asString();

        // The bank takes the debit back, and says so twice: the plan goes on once, with the next attempt.
        assertThat(ChannelSimulator.returnFunds(requestNo, "cardholder disputed the debit").statusCode()).isEqualTo(200);
        ChannelSimulator.returnFunds(requestNo, "cardholder disputed the debit");

        WithholdingFailed returned = ledger.published(loan, WithholdingFailed.TYPE, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(returned.code()).isEqualTo("RETURNED");
        assertThat(returned.repaymentId()).isEqualTo(first.repaymentId());
        assertThat(returned.willRetry()).isTrue();
        assertThat(returned.nextAttemptOn()).isEqualTo(d0);
        assertThat(returned.reason()).contains("cardholder disputed the debit");
        await().atMost(Duration.ofSeconds(10)).until(() -> withholding(loan).get("state").asString().equals("PAID")
                && withholding(loan).get("attempts").asInt() == 2);
        List<RepaymentCollected> collected = ledger.published(loan, RepaymentCollected.TYPE, 2, Duration.ofSeconds(20));
        assertThat(collected).hasSize(2);
        assertThat(collected.get(1).repaymentId()).isNotEqualTo(first.repaymentId());
        assertThat(ledger.published(loan, WithholdingFailed.TYPE, 2, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void nothingIsCollectedWhenTheCustomerAlreadyPaid() {
        BoundCard card = binding.boundCard();
        UUID loan = LedgerStub.loanOf(card.customerId(), "0.00", "35.50", "64.90");

        ledger.installmentDue(new InstallmentDue(loan, card.customerId(), 2, dueDate(), "35.50"));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode w = withholding(loan);
            return w != null && w.get("state").asString().equals("SETTLED_ELSEWHERE");
        });
        assertThat(withholding(loan).get("attemptsMade")).isEmpty();
        assertThat(ledger.published(loan, 1, Duration.ofSeconds(1))).isEmpty();
    }

    private JsonNode withholding(UUID loan) {
        JsonNode list = Binding.json(finance.get("/ops/v1/withholdings?loanId=" + loan));
        return list.isEmpty() ? null : list.get(0);
    }

    private String agreementOf(BoundCard card) {
        return jdbc.sql("select agreement_no from bank_card where id = ?").param(card.cardId()).query(String.class).single();
    }

    private static LocalDate dueDate() {
        return LocalDate.of(2040, 1, 1).plusDays(DAYS.getAndAdd(10));
    }
}
