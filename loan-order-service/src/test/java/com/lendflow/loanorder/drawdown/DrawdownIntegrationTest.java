package com.lendflow.loanorder.drawdown;

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
import com.lendflow.loanorder.LendflowHttpServices;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * loan-order-service on the shared PostgreSQL and Kafka; the services the drawdown saga drives
 * are played over Kafka by {@link OtherServices} and over HTTP by {@link LendflowHttpServices}.
 * Shares the one Spring context of the module's tests.
 */
@ServiceIntegrationTest(database = "lendflow_loan_order")
abstract class DrawdownIntegrationTest {

    static final String PATH = "/api/v1/drawdowns";
    static final String PARTNER = "P-HUIJIN";
    static final String PARTNER_NAME = "Huijin Consumer Finance";

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    HttpProbe appBackend;
    HttpProbe ops;
    OtherServices services;

    @BeforeEach
    void connect() {
        HttpProbe anonymous = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
        appBackend = anonymous.bearer(TestTokens.appBackend());
        ops = anonymous.bearer(TestTokens.staff("finance-zhao", "FINANCE"));
        services = new OtherServices(codec, jdbc);
        LendflowHttpServices.answer("POST", "/internal/v1/funding/routes", 200,
                "{\"partnerId\":\"" + PARTNER + "\",\"partnerName\":\"" + PARTNER_NAME + "\"}");
        LendflowHttpServices.answer("POST", "/api/v1/loan-calculator", call -> {
            JsonNode request = json.readTree(call.body());
            return new LendflowHttpServices.Answer(200, calculated(request));
        });
        LendflowHttpServices.answer("POST", "/sim/v1/sms", 202, "{\"status\":\"DELIVERED\"}");
    }

    /** A customer with an approved credit line of {@code available} and a bound card ending 4321. */
    Borrower borrower(String available) {
        Borrower b = activated();
        LendflowHttpServices.answer("GET", "/internal/v1/credit-lines/" + b.customerId(), 200, """
                {"customerId":"%s","status":"ACTIVE","creditLimit":"43000.00","available":"%s"}"""
                .formatted(b.customerId(), available));
        LendflowHttpServices.answer("GET", "/internal/v1/bank-cards/" + b.cardId(), 200, """
                {"id":"%s","customerId":"%s","status":"BOUND","bin":"622202","last4":"4321"}"""
                .formatted(b.cardId(), b.customerId()));
        return b;
    }

    /** A 9.125% rate coupon the borrower holds, as marketing-service would describe it. */
    UUID couponOf(Borrower b) {
        return coupon(b.customerId(), "ISSUED");
    }

    UUID coupon(UUID owner, String state) {
        UUID coupon = UUID.randomUUID();
        LendflowHttpServices.answer("GET", "/internal/v1/coupons/" + coupon, 200, """
                {"id":"%s","customerId":"%s","kind":"RATE_DISCOUNT","discountedRate":"0.091250","interestFreeDays":null,
                 "minimumAmount":"100.00","allowedTerms":[3,6,12],"state":"%s"}""".formatted(coupon, owner, state));
        return coupon;
    }

    HttpResponse<String> borrow(Borrower b, String body) {
        return appBackend.with("X-Customer-Id", b.customerId().toString())
                .postJson(PATH, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    UUID borrows(Borrower b, String body) {
        HttpResponse<String> response = borrow(b, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(json.readTree(response.body()).get("id").asString());
    }

    static String request(Borrower b, String amount, int term, String method, UUID couponId) {
        return """
                {"amount":"%s","termMonths":%d,"method":"%s","cardId":"%s"%s}"""
                .formatted(amount, term, method, b.cardId(), couponId == null ? "" : ",\"couponId\":\"" + couponId + "\"");
    }

    JsonNode asCustomer(Borrower b, UUID id) {
        HttpResponse<String> response = appBackend.with("X-Customer-Id", b.customerId().toString()).get(PATH + "/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode asOps(UUID id) {
        HttpResponse<String> response = ops.get("/ops/v1/drawdowns/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode awaitState(UUID id, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = asOps(id);
            assertThat(last[0].get("drawdown").get("state").asString()).isEqualTo(state);
        });
        return last[0];
    }

    JsonNode awaitStep(UUID id, String step) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = asOps(id);
            assertThat(last[0].get("drawdown").get("step").asString()).isEqualTo(step);
        });
        return last[0];
    }

    void awaitTimeline(UUID id, String kind, String messageType, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(timeline(asOps(id)).stream().filter(line -> line.get("kind").asString().equals(kind)
                        && messageType.equals(line.path("messageType").asString(null))).count()).isEqualTo(count));
    }

    static List<JsonNode> timeline(JsonNode detail) {
        return detail.get("timeline").valueStream().toList();
    }

    static List<String> of(JsonNode detail, String kind) {
        return timeline(detail).stream().filter(line -> line.get("kind").asString().equals(kind))
                .map(line -> line.path("messageType").asString(line.get("state").asString())).toList();
    }

    static List<String> states(JsonNode detail) {
        return timeline(detail).stream().filter(line -> line.get("kind").asString().equals("STATE_CHANGED"))
                .map(line -> line.get("state").asString()).toList();
    }

    long rowsOf(UUID customerId) {
        return jdbc.sql("select count(*) from drawdown where customer_id = ?").param(customerId).query(Long.class).single();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    // --- a customer with an approved credit line, through the credit-line saga -------------------

    record Borrower(UUID customerId, String name, String mobile, String idNumber, UUID cardId, UUID authorisationId) {
    }

    private Borrower activated() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String idNumber = idNumber("110101" + "%04d%02d%02d".formatted(1980 + random.nextInt(10), 1 + random.nextInt(12),
                1 + random.nextInt(28)) + "%03d".formatted(random.nextInt(1000)));
        String mobile = "137" + "%08d".formatted(random.nextInt(100_000_000));
        HttpResponse<String> registered = appBackend.postJson("/api/v1/customers", """
                {"name":"李四","mobile":"%s","idNumber":"%s"}""".formatted(mobile, idNumber),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        UUID customerId = UUID.fromString(json.readTree(registered.body()).get("id").asString());
        HttpResponse<String> applied = appBackend.with("X-Customer-Id", customerId.toString()).postJson(
                "/api/v1/credit-applications", """
                        {"fullName":"李四","mobile":"%s","idNumber":"%s",\
                        "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},\
                        "device":{"deviceId":"dev-%s","os":"Android","osVersion":"14","appVersion":"3.2.1",\
                        "ip":"203.0.113.9","emulator":false,"rooted":false}}""".formatted(mobile, idNumber, mobile),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
        UUID application = UUID.fromString(json.readTree(applied.body()).get("id").asString());
        services.command(Topics.ESIGN_COMMANDS, SignAuthorisation.TYPE, application);
        UUID authorisation = UUID.randomUUID();
        services.reply(Topics.ESIGN_DOCUMENT, application, AuthorisationSigned.TYPE, new AuthorisationSigned(application,
                customerId, authorisation, "ab".repeat(32), Instant.parse("2026-03-07T02:00:00Z")));
        services.command(Topics.ANTIFRAUD_COMMANDS, AssessFraudRisk.TYPE, application);
        services.reply(Topics.ANTIFRAUD_ASSESSMENT, application, FraudRiskAssessed.TYPE,
                new FraudRiskAssessed(application, UUID.randomUUID(), "PASS", 10, List.of()));
        services.command(Topics.CREDIT_DECISION_COMMANDS, AssessCreditRisk.TYPE, application);
        services.reply(Topics.CREDIT_DECISION_DECISION, application, CreditRiskDecided.TYPE, new CreditRiskDecided(
                application, UUID.randomUUID(), "APPROVE", "B", "43000.00", "0.146", null, List.of("ok"), 3, 7));
        GrantCreditLine grant = services.command(Topics.LIMIT_COMMANDS, GrantCreditLine.TYPE, application);
        services.reply(Topics.LIMIT_CREDIT_LINE, application, CreditLineGranted.TYPE, new CreditLineGranted(application,
                customerId, grant.creditLimit(), grant.annualRate(), grant.grade(), grant.grantedOn().plusMonths(12),
                Instant.now()));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> "APPROVED".equals(
                jdbc.sql("select state from credit_application where id = ?").param(application).query(String.class).single()));
        return new Borrower(customerId, "李四", mobile, idNumber, UUID.randomUUID(), authorisation);
    }

    private static String idNumber(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /**
     * What core-ledger's calculator answers: 100.00 over 3 months at 9.125% is 33.84, 33.84, 33.85
     * (the architecture's example); anything else is a plausible level schedule. Due dates monthly from the start.
     */
    private static String calculated(JsonNode request) {
        BigDecimal principal = new BigDecimal(request.get("principal").asString());
        int term = request.get("termMonths").asInt();
        LocalDate start = LocalDate.parse(request.get("startDate").asString());
        boolean example = principal.compareTo(new BigDecimal("100")) == 0 && term == 3
                && new BigDecimal(request.get("annualRate").asString()).compareTo(new BigDecimal("0.09125")) == 0;
        StringBuilder installments = new StringBuilder();
        for (int period = 1; period <= term; period++) {
            String total = example ? (period == 3 ? "33.85" : "33.84")
                    : principal.divide(BigDecimal.valueOf(term), 2, RoundingMode.HALF_UP).add(BigDecimal.ONE).toPlainString();
            installments.append(period == 1 ? "" : ",").append("""
                    {"period":%d,"dueDate":"%s","total":"%s"}""".formatted(period, start.plusMonths(period), total));
        }
        return """
                {"installments":[%s],"totalInterest":"%s","totalRepayment":"0.00"}"""
                .formatted(installments, example ? "0.53" : term + ".00");
    }
}
