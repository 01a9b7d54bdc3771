package com.lendflow.loanorder.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.contracts.payment.WithholdingFailed;
import com.lendflow.loanorder.KafkaLog;
import com.lendflow.loanorder.LendflowHttpServices;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** SMS to the borrower after the drawdown: repayments, settlement, failed withholdings. Shares the module's context. */
@ServiceIntegrationTest(database = "lendflow_loan_order")
class CustomerNotificationTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    UUID customerId;
    String mobile;
    UUID loanId = UUID.randomUUID();

    @BeforeEach
    void aRegisteredBorrower() {
        HttpProbe appBackend = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class))
                .bearer(TestTokens.appBackend());
        mobile = "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        HttpResponse<String> registered = appBackend.postJson("/api/v1/customers", """
                {"name":"王五","mobile":"%s","idNumber":"%s"}""".formatted(mobile, idNumber()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        customerId = UUID.fromString(json.readTree(registered.body()).get("id").asString());
        LendflowHttpServices.answer("POST", "/sim/v1/sms", 202, "{\"status\":\"DELIVERED\"}");
    }

    @Test
    void aRepaymentTheSettlementAndAFailedWithholdingAreEachToldOnceHoweverOftenTheyArrive() {
        RepaymentApplied applied = new RepaymentApplied("R-" + UUID.randomUUID(), loanId, customerId, UUID.randomUUID(),
                "REPAYMENT", "33.84", "33.30", LocalDate.of(2026, 4, 15), false);
        WithholdingFailed failed = new WithholdingFailed("W-" + UUID.randomUUID(), loanId, customerId, "33.85", 1,
                "INSUFFICIENT_FUNDS", "ACCT 6222 0211 balance 3.10 < 33.85", true, LocalDate.of(2026, 5, 16),
                Instant.now());
        LoanSettled settled = new LoanSettled(loanId, customerId, LocalDate.of(2026, 5, 16), "100.00", "0.53", "0.00",
                "0.00");

        Envelope first = publish(Topics.CORE_LEDGER_LOAN, RepaymentApplied.TYPE, applied);
        KafkaLog.send(Topics.CORE_LEDGER_LOAN, loanId.toString(), codec.encode(first));
        publish(Topics.CORE_LEDGER_LOAN, RepaymentApplied.TYPE, applied);
        publish(Topics.PAYMENT_REPAYMENT, WithholdingFailed.TYPE, failed);
        publish(Topics.PAYMENT_REPAYMENT, WithholdingFailed.TYPE, failed);
        publish(Topics.CORE_LEDGER_LOAN, LoanSettled.TYPE, settled);
        publish(Topics.CORE_LEDGER_LOAN, LoanSettled.TYPE, settled);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(states()).containsExactly("SENT", "SENT", "SENT"));
        List<String> texts = smsTo(mobile);
        assertThat(texts).hasSize(3);
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("还款33.84元已入账"));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("您的还款33.85元扣款未成功")
                .contains("银行卡余额不足").contains("将于2026-05-16再次扣款")
                .doesNotContain("6222").doesNotContain("3.10"));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("借款100.00元已于")
                .contains("结清证明"));
    }

    @Test
    void aFailingGatewayIsRetriedAndAtLastGivenUpWithTheReasonWithoutHoldingUpTheOthers() {
        AtomicInteger repaymentAttempts = new AtomicInteger();
        LendflowHttpServices.answer("POST", "/sim/v1/sms", call -> {
            if (!call.body().contains(mobile)) {
                return new LendflowHttpServices.Answer(202, "{\"status\":\"DELIVERED\"}");
            }
            if (call.body().contains("已入账")) {
                // Down once, then back.
                return repaymentAttempts.incrementAndGet() == 1 ? new LendflowHttpServices.Answer(503, "{}")
                        : new LendflowHttpServices.Answer(202, "{\"status\":\"DELIVERED\"}");
            }
            return new LendflowHttpServices.Answer(503, "{\"title\":\"gateway down\"}");
        });
        publish(Topics.PAYMENT_REPAYMENT, WithholdingFailed.TYPE, new WithholdingFailed("W-" + UUID.randomUUID(), loanId,
                customerId, "33.85", 3, "CARD_FROZEN", "frozen", false, null, Instant.now()));
        publish(Topics.CORE_LEDGER_LOAN, RepaymentApplied.TYPE, new RepaymentApplied("R-" + UUID.randomUUID(), loanId,
                customerId, UUID.randomUUID(), "REPAYMENT", "33.84", "33.30", LocalDate.of(2026, 4, 15), false));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(jdbc.sql("select kind || ' ' || state || ' ' || attempts || ' ' || coalesce(last_error, '') "
                                + "from customer_notification where customer_id = ? order by kind")
                        .param(customerId).query(String.class).list())
                        .satisfiesExactly(
                                repayment -> assertThat(repayment).startsWith("REPAYMENT_APPLIED SENT 2"),
                                withholding -> assertThat(withholding).startsWith("WITHHOLDING_FAILED FAILED 3")
                                        .contains("attempt 3").contains("503")));
        assertThat(smsTo(mobile)).filteredOn(text -> text.contains("扣款未成功")).hasSize(3)
                .allSatisfy(text -> assertThat(text).contains("银行卡已冻结").contains("在App中还款"));
    }

    private <T extends Record> Envelope publish(String topic, MessageType<T> type, T payload) {
        Envelope envelope = codec.wrap(type, loanId.toString(), payload, UUID.randomUUID(), loanId, null, Instant.now());
        KafkaLog.send(topic, loanId.toString(), codec.encode(envelope));
        return envelope;
    }

    private List<String> states() {
        return jdbc.sql("select state from customer_notification where customer_id = ?").param(customerId)
                .query(String.class).list();
    }

    private List<String> smsTo(String to) {
        return LendflowHttpServices.calls("POST", "/sim/v1/sms").stream().map(call -> json.readTree(call.body()))
                .filter(sms -> sms.get("mobile").asString().equals(to)).map(sms -> sms.get("text").asString()).toList();
    }

    private static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "110101" + "%04d%02d%02d".formatted(1980 + random.nextInt(10), 1 + random.nextInt(12),
                1 + random.nextInt(28)) + "%03d".formatted(random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
