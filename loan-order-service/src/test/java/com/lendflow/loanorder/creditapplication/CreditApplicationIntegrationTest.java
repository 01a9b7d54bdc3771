package com.lendflow.loanorder.creditapplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import com.lendflow.contracts.creditdecision.AssessCreditRisk;
import com.lendflow.contracts.creditdecision.CreditRiskDecided;
import com.lendflow.contracts.esign.AuthorisationSigned;
import com.lendflow.contracts.esign.SignAuthorisation;
import com.lendflow.contracts.limit.CreditLineGranted;
import com.lendflow.contracts.limit.GrantCreditLine;
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
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * loan-order-service on the shared PostgreSQL and Kafka, with the services it drives played by
 * {@link LendflowServices}. Every subclass shares the one Spring context.
 */
@ServiceIntegrationTest(database = "lendflow_loan_order")
abstract class CreditApplicationIntegrationTest {

    static final String PATH = "/api/v1/credit-applications";

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    HttpProbe anonymous;
    HttpProbe appBackend;
    HttpProbe ops;
    LendflowServices services;

    @BeforeEach
    void connect() {
        anonymous = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
        appBackend = anonymous.bearer(TestTokens.appBackend());
        ops = anonymous.bearer(TestTokens.staff("agent-wang", "OPS_AGENT"));
        services = new LendflowServices(codec);
    }

    Applicant registered() {
        return register(Applicant.unregistered());
    }

    Applicant register(Applicant applicant) {
        HttpResponse<String> response = appBackend.postJson("/api/v1/customers", applicant.registration(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return applicant.registeredAs(UUID.fromString(json.readTree(response.body()).get("id").asString()));
    }

    HttpResponse<String> apply(Applicant applicant, String body) {
        return apply(applicant, body, UUID.randomUUID().toString());
    }

    HttpResponse<String> apply(Applicant applicant, String body, String idempotencyKey) {
        return appBackend.with("X-Customer-Id", applicant.customerId().toString())
                .postJson(PATH, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    UUID applies(Applicant applicant) {
        HttpResponse<String> response = apply(applicant, applicant.application());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(json.readTree(response.body()).get("id").asString());
    }

    JsonNode asCustomer(Applicant applicant, UUID applicationId) {
        HttpResponse<String> response = appBackend.with("X-Customer-Id", applicant.customerId().toString())
                .get(PATH + "/" + applicationId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode asOps(UUID applicationId) {
        HttpResponse<String> response = ops.get("/ops/v1/credit-applications/" + applicationId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Polls the ops view until the application is in {@code state}. */
    JsonNode awaitState(UUID applicationId, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = asOps(applicationId);
            assertThat(last[0].get("application").get("state").asString()).isEqualTo(state);
        });
        return last[0];
    }

    /** Polls until the timeline holds {@code kind} entries for {@code messageType} {@code count} times. */
    void awaitTimeline(UUID applicationId, String kind, String messageType, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(timeline(asOps(applicationId)).stream()
                        .filter(line -> line.get("kind").asString().equals(kind)
                                && messageType.equals(line.path("messageType").asString(null)))
                        .count()).isEqualTo(count));
    }

    static List<JsonNode> timeline(JsonNode detail) {
        return detail.get("timeline").valueStream().toList();
    }

    // --- the other services, answering as they would ----------------------------------------

    AuthorisationSigned signs(UUID applicationId) {
        SignAuthorisation sign = services.command(Topics.ESIGN_COMMANDS, SignAuthorisation.TYPE, applicationId).payload();
        AuthorisationSigned signed = new AuthorisationSigned(applicationId, sign.customerId(), UUID.randomUUID(),
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Instant.parse("2026-03-07T02:00:00Z"));
        services.reply(Topics.ESIGN_DOCUMENT, applicationId, AuthorisationSigned.TYPE, signed);
        return signed;
    }

    FraudRiskAssessed assessesFraud(UUID applicationId, String result, int score, String... firedRules) {
        services.command(Topics.ANTIFRAUD_COMMANDS, AssessFraudRisk.TYPE, applicationId);
        FraudRiskAssessed assessed = new FraudRiskAssessed(applicationId, UUID.randomUUID(), result, score, List.of(firedRules));
        services.reply(Topics.ANTIFRAUD_ASSESSMENT, applicationId, FraudRiskAssessed.TYPE, assessed);
        return assessed;
    }

    AssessCreditRisk approves(UUID applicationId, String grade, String limit, String rate) {
        AssessCreditRisk assess = services.command(Topics.CREDIT_DECISION_COMMANDS, AssessCreditRisk.TYPE, applicationId)
                .payload();
        services.reply(Topics.CREDIT_DECISION_DECISION, applicationId, CreditRiskDecided.TYPE, new CreditRiskDecided(
                applicationId, UUID.randomUUID(), "APPROVE", grade, limit, rate, null,
                List.of("bureau: no delinquency", "scorecard 712 points: grade " + grade), 3, 7));
        return assess;
    }

    GrantCreditLine grants(UUID applicationId) {
        GrantCreditLine grant = services.command(Topics.LIMIT_COMMANDS, GrantCreditLine.TYPE, applicationId).payload();
        services.reply(Topics.LIMIT_CREDIT_LINE, applicationId, CreditLineGranted.TYPE, new CreditLineGranted(
                applicationId, grant.customerId(), grant.creditLimit(), grant.annualRate(), grant.grade(),
                grant.grantedOn().plusMonths(12), Instant.now()));
        return grant;
    }

    LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
