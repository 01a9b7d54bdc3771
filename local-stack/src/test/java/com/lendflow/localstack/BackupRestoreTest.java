package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.invariants.Invariants;
import com.lendflow.invariants.Report;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Recovery (#10): the documented backup (an online snapshot of every service's database with the
 * Kafka offsets) is taken while two drawdowns are half-way, both then pay out and open their loans,
 * and the backup is restored, so the books go back to before the money moved while the payment
 * channel remembers it did. After the restart every saga ends without a hand on the data, and each
 * drawdown was paid once: one transfer at the channel, one loan account, the line occupied once.
 *
 * <p>Runs in the shared stack, before the fault campaign and the repayment journey (their data comes
 * later, so the restore takes nothing of theirs), and leaves every service running.
 */
@Order(Integer.MAX_VALUE - 4)
class BackupRestoreTest {

    final String app = "Bearer " + SharedStack.clientToken("app-backend");

    @Test
    void aBackupTakenMidSagaAndRestoredAfterThePayoutsBringsEveryDrawdownToItsEndPaidOnce(@TempDir Path backups)
            throws Exception {
        LocalStack stack = SharedStack.get();
        String mobile = Identities.mobile();
        String idNumber = Identities.idNumber();
        String customerId = DrawdownJourneyTest.idOf(SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"周小燕\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}".formatted(mobile, idNumber),
                Map.of("Authorization", app, "Idempotency-Key", UUID.randomUUID().toString())), 201);
        Map<String, String> asCustomer = Map.of("Authorization", app, "X-Customer-Id", customerId);
        String applicationId = DrawdownJourneyTest.idOf(SharedStack.postJson("/api/v1/credit-applications", """
                {"fullName":"周小燕","mobile":"%s","idNumber":"%s",
                 "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                 "device":{"deviceId":"dev-%s","os":"Android","osVersion":"14","appVersion":"3.2.0",
                           "ip":"10.20.30.43","emulator":false,"rooted":false}}"""
                .formatted(mobile, idNumber, UUID.randomUUID()),
                DrawdownJourneyTest.with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString())), 202);
        DrawdownJourneyTest.await("/api/v1/credit-applications/" + applicationId, asCustomer, "APPROVED");
        String cardId = DrawdownJourneyTest.bindCard(asCustomer, mobile, "周小燕");

        // Drawdown A pays out before the backup, but core-ledger has not opened its loan yet.
        MessageListenerContainer openLoan = listener("core-ledger-service", "core-ledger-service.open-loan-account");
        pause(openLoan);
        String paidBefore = drawdown(asCustomer, cardId, "300.00");
        Awaitility.await().atMost(DrawdownJourneyTest.JOURNEY).pollInterval(Duration.ofMillis(300)).until(() ->
                "SUCCEEDED".equals(SharedStack.text("lendflow_payment",
                        "select state from disbursement where drawdown_id = '" + paidBefore + "'")));
        // Drawdown B has asked for its payout, which payment has not taken yet.
        MessageListenerContainer disburse = listener("payment-service", "payment-service.disburse");
        pause(disburse);
        String paidAfter = drawdown(asCustomer, cardId, "200.00");
        DrawdownJourneyTest.await("/api/v1/drawdowns/" + paidAfter, asCustomer, "DISBURSING");

        Backups.Taken backup = stack.backup(backups.resolve("backup"));
        assertThat(backup.walSegments()).isPositive();
        // A's OpenLoanAccount at least was published and not yet consumed: the restore owes it to core-ledger.
        assertThat(backup.owedMessages()).as(backup.toString()).isPositive();

        // After the backup both go on: B is paid at the channel, both loans open, the line is occupied.
        openLoan.resume();
        disburse.resume();
        DrawdownJourneyTest.await("/api/v1/drawdowns/" + paidBefore, asCustomer, "DISBURSED");
        DrawdownJourneyTest.await("/api/v1/drawdowns/" + paidAfter, asCustomer, "DISBURSED");
        assertThat(transfersAtChannel(paidAfter)).isEqualTo(1);

        assertThat(stack.restore(backups.resolve("backup"))).as("messages published again").isPositive();

        // The restored books had A waiting for its loan and B for its payout; nobody touches them.
        assertThat(SharedStack.count("lendflow_payment",
                "select count(*) from disbursement where drawdown_id = '" + paidAfter + "'")).isLessThanOrEqualTo(1);
        String a = DrawdownJourneyTest.await("/api/v1/drawdowns/" + paidBefore, asCustomer, "DISBURSED");
        String b = DrawdownJourneyTest.await("/api/v1/drawdowns/" + paidAfter, asCustomer, "DISBURSED");

        // Paid once each: the channel made one transfer per drawdown (B's second request was answered with the first).
        assertThat(transfersAtChannel(paidBefore)).isEqualTo(1);
        assertThat(transfersAtChannel(paidAfter)).isEqualTo(1);
        for (String drawdown : new String[] {paidBefore, paidAfter}) {
            assertThat(SharedStack.text("lendflow_payment", "select state || ' ' || request_no from disbursement"
                    + " where drawdown_id = '" + drawdown + "'")).isEqualTo("SUCCEEDED " + requestNoAtChannel(drawdown));
        }
        // One loan account each, the one loan-order names, and the line occupied by the two principals.
        assertThat(SharedStack.count("lendflow_core_ledger",
                "select count(*) from loan_account where customer_id = '" + customerId + "'")).isEqualTo(2);
        for (String view : new String[] {a, b}) {
            String loanId = DrawdownJourneyTest.field(view, "loanId");
            assertThat(SharedStack.get("/api/v1/loans/" + loanId, asCustomer).statusCode()).isEqualTo(200);
        }
        String line = SharedStack.get("/api/v1/customers/" + customerId + "/credit-line", asCustomer).body();
        assertThat(DrawdownJourneyTest.field(line, "occupied")).isEqualTo("500.00");
        assertThat(DrawdownJourneyTest.field(line, "reserved")).isEqualTo("0.00");

        Report invariants = Invariants.forLocalStack(SharedStack.OFFSET).awaitHeld(Duration.ofSeconds(30));
        assertThat(invariants.allHeld()).as(invariants.render()).isTrue();
    }

    private String drawdown(Map<String, String> asCustomer, String cardId, String amount) {
        return DrawdownJourneyTest.idOf(SharedStack.postJson("/api/v1/drawdowns", """
                {"amount":"%s","termMonths":3,"method":"EQUAL_INSTALLMENT","cardId":"%s"}""".formatted(amount, cardId),
                DrawdownJourneyTest.with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString())), 202);
    }

    private static MessageListenerContainer listener(String service, String id) {
        MessageListenerContainer container = SharedStack.get().contextOf(CreditLineJourneyTest.service(service))
                .getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(id);
        assertThat(container).as(id).isNotNull();
        return container;
    }

    /** Paused for real only once its consumer has left the poll it was in; until then it may still take a message. */
    private static void pause(MessageListenerContainer container) {
        container.pause();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(container::isContainerPaused);
    }

    private static int transfersAtChannel(String drawdownId) {
        return channelTransfers(drawdownId).split("\"requestNo\"", -1).length - 1;
    }

    private static String requestNoAtChannel(String drawdownId) {
        Matcher requestNo = Pattern.compile("\"requestNo\":\"([^\"]+)\"").matcher(channelTransfers(drawdownId));
        assertThat(requestNo.find()).isTrue();
        return requestNo.group(1);
    }

    private static String channelTransfers(String drawdownId) {
        return SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.get().urlOf(Suite.PARTNER_SIMULATOR)
                + "/sim/v1/channel/transfers?reference=" + drawdownId)).GET()).body();
    }
}
