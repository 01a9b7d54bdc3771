package com.lendflow.collection.postloan.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.collection.postloan.PostLoanIntegrationTest;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.BusinessDateChanged;
import com.lendflow.contracts.ledger.LoanBucketChanged;
import com.lendflow.contracts.ledger.LoanOverdue;
import com.lendflow.contracts.limit.CreditLineFrozen;
import com.lendflow.contracts.limit.CreditLineUnfrozen;
import com.lendflow.contracts.limit.FreezeCreditLine;
import com.lendflow.contracts.limit.LowerCreditLine;
import com.lendflow.contracts.limit.UnfreezeCreditLine;
import com.lendflow.platform.messaging.Envelope;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EarlyWarningTest extends PostLoanIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aLoanThreeDaysPastDueFreezesTheLineOnceAndBeingCurrentAgainUnfreezesIt() {
        UUID customer = UUID.randomUUID();
        UUID loan = UUID.randomUUID();
        String key = customer.toString();
        LocalDate dueDate = LocalDate.now().minusDays(4);

        awaitHandled(send(Topics.CORE_LEDGER_LOAN, loan.toString(), LoanOverdue.TYPE, new LoanOverdue(loan, customer, 1,
                dueDate, dueDate.plusDays(1), "300.00", "12.50", 1)));
        assertThat(warnings(customer).size()).as("one day past due is under the rule's three").isZero();
        Envelope thirdDay = send(Topics.CORE_LEDGER_BUSINESS_DAY, dueDate.plusDays(2).toString(), BusinessDateChanged.TYPE,
                new BusinessDateChanged(dueDate.plusDays(2), dueDate.plusDays(3)));

        FreezeCreditLine freeze = awaitSent(Topics.LIMIT_COMMANDS, key, FreezeCreditLine.TYPE, 1).getFirst();
        assertThat(freeze.customerId()).isEqualTo(customer);
        assertThat(freeze.code()).isEqualTo("OVERDUE");
        assertThat(freeze.reason()).contains("3 days past due");

        // The same day redelivered, then the next day: the same episode, no second freeze.
        resend(Topics.CORE_LEDGER_BUSINESS_DAY, thirdDay);
        Envelope fourthDay = send(Topics.CORE_LEDGER_BUSINESS_DAY, dueDate.plusDays(3).toString(), BusinessDateChanged.TYPE,
                new BusinessDateChanged(dueDate.plusDays(3), dueDate.plusDays(4)));
        awaitHandled(fourthDay);
        send(Topics.LIMIT_CREDIT_LINE, key, CreditLineFrozen.TYPE,
                new CreditLineFrozen(freeze.requestId(), customer, "OVERDUE", freeze.reason()));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> warnings(customer).get(0).get("state").asString().equals("IN_FORCE"));

        send(Topics.CORE_LEDGER_LOAN, loan.toString(), LoanBucketChanged.TYPE,
                new LoanBucketChanged(loan, customer, "M1", "M0", 0, dueDate.plusDays(5)));
        UnfreezeCreditLine unfreeze = awaitSent(Topics.LIMIT_COMMANDS, key, UnfreezeCreditLine.TYPE, 1).getFirst();
        assertThat(unfreeze.customerId()).isEqualTo(customer);
        send(Topics.LIMIT_CREDIT_LINE, key, CreditLineUnfrozen.TYPE,
                new CreditLineUnfrozen(unfreeze.requestId(), customer, "ACTIVE", unfreeze.reason()));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> warnings(customer).get(0).get("state").asString().equals("LIFTED"));
        JsonNode warning = warnings(customer).get(0);
        assertThat(warnings(customer).size()).isEqualTo(1);
        assertThat(warning.get("ruleCode").asString()).isEqualTo("DPD_FREEZE");
        assertThat(warning.get("open").asBoolean()).isFalse();
        assertThat(warning.get("actions").valueStream().map(a -> a.get("kind").asString()))
                .containsExactly("RAISED", "FREEZE_SENT", "FROZEN", "UNFREEZE_SENT", "UNFROZEN");
        assertThat(sent(Topics.LIMIT_COMMANDS, key, FreezeCreditLine.TYPE)).hasSize(1);
        assertThat(sent(Topics.LIMIT_COMMANDS, key, UnfreezeCreditLine.TYPE)).hasSize(1);
        assertThat(sent(Topics.LIMIT_COMMANDS, key, LowerCreditLine.TYPE)).isEmpty();
    }

    @Test
    void aFraudSignalFreezesTheLineAndARepeatOfItSendsNothingMore() {
        UUID customer = UUID.randomUUID();
        String signal = """
                {"customerId":"%s","kind":"FRAUD_SIGNAL","detail":"device shared with a confirmed fraud ring"}""".formatted(customer);

        HttpResponse<String> first = service("antifraud-service").postJson("/internal/v1/risk-signals", signal);
        HttpResponse<String> again = service("antifraud-service").postJson("/internal/v1/risk-signals", signal);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        JsonNode raised = JSON.readTree(first.body()).get("warnings").get(0);
        assertThat(raised.get("ruleCode").asString()).isEqualTo("FRAUD_SIGNAL_FREEZE");
        assertThat(JSON.readTree(again.body()).get("warnings").get(0).get("id")).isEqualTo(raised.get("id"));
        FreezeCreditLine freeze = awaitSent(Topics.LIMIT_COMMANDS, customer.toString(), FreezeCreditLine.TYPE, 1).getFirst();
        assertThat(freeze.code()).isEqualTo("FRAUD_SIGNAL");
        assertThat(freeze.requestId()).isEqualTo(raised.get("requestId").asString());
        assertThat(sent(Topics.LIMIT_COMMANDS, customer.toString(), FreezeCreditLine.TYPE)).hasSize(1);
        assertThat(warnings(customer).get(0).get("actions").valueStream().map(a -> a.get("kind").asString()))
                .containsExactly("RAISED", "FREEZE_SENT", "SIGNAL_REPEATED");
    }

    @Test
    void aRiskSignalOfAnUnknownKindOrFromStaffIsRefused() {
        UUID customer = UUID.randomUUID();
        HttpResponse<String> unknown = service("antifraud-service").postJson("/internal/v1/risk-signals", """
                {"customerId":"%s","kind":"ROBBERY"}""".formatted(customer));
        HttpResponse<String> staff = staff("agent.li", "OPS_AGENT").postJson("/internal/v1/risk-signals", """
                {"customerId":"%s","kind":"FRAUD_SIGNAL"}""".formatted(customer));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(warnings(customer).size()).isZero();
    }

    private JsonNode warnings(UUID customer) {
        HttpResponse<String> response = staff("sup.wang", "OPS_SUPERVISOR").get("/ops/v1/early-warnings?customerId=" + customer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
