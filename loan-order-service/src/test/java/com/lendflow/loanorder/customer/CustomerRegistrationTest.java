package com.lendflow.loanorder.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.customer.CustomerRegistered;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.loanorder.KafkaLog;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_loan_order")
class CustomerRegistrationTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;
    @Autowired com.lendflow.platform.web.idempotency.IdempotentRequests idempotency;

    HttpProbe http;

    @BeforeEach
    void setUp() {
        http = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class))
                .bearer(TestTokens.appBackend());
    }

    @Test
    void registersACustomerAndAnnouncesItWithoutPersonalData() {
        String idNumber = Applicants.idNumber();
        String mobile = Applicants.mobile();
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> response = http.postJson("/api/v1/customers", Applicants.json("张三", mobile, idNumber),
                Map.of("X-Request-Id", requestId, "Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode customer = json.readTree(response.body());
        UUID customerId = UUID.fromString(customer.get("id").asString());
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/customers/" + customerId);
        assertThat(customer.get("name").asString()).isEqualTo("*三");
        assertThat(customer.get("mobile").asString()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        assertThat(customer.get("idNumber").asString()).isEqualTo("110***********" + idNumber.substring(14));
        assertThat(response.body()).doesNotContain(idNumber).doesNotContain(mobile);

        Envelope announced = announcementOf(customerId);
        assertThat(announced.type()).isEqualTo("CustomerRegistered");
        assertThat(announced.correlationId()).hasToString(requestId);
        assertThat(codec.payloadOf(announced, CustomerRegistered.TYPE).customerId()).isEqualTo(customerId);
        assertThat(announced.payload().toString()).doesNotContain(idNumber).doesNotContain(mobile).doesNotContain("张三");

        HttpResponse<String> fetched = http.with("X-Customer-Id", customerId.toString()).get("/api/v1/customers/" + customerId);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(json.readTree(fetched.body()).get("idNumber").asString()).isEqualTo(customer.get("idNumber").asString());
    }

    @Test
    void theSameIdNumberCannotRegisterTwice() {
        String idNumber = Applicants.idNumber();
        assertThat(register(Applicants.json("张三", Applicants.mobile(), idNumber)).statusCode())
                .isEqualTo(201);
        long customers = count("customer");
        long messages = registrationsAnnounced();

        HttpResponse<String> again = register(Applicants.json("李四", Applicants.mobile(), idNumber));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("type").asString()).isEqualTo("urn:lendflow:problem:customer-exists");
        assertThat(count("customer")).isEqualTo(customers);
        assertThat(registrationsAnnounced()).isEqualTo(messages);
    }

    static List<Arguments> badRegistrations() {
        String id = Applicants.idNumber();
        String mobile = Applicants.mobile();
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        return List.of(
                Arguments.of("missing name", "{\"mobile\":\"" + mobile + "\",\"idNumber\":\"" + id + "\"}", "name", "NotBlank"),
                Arguments.of("missing mobile", "{\"name\":\"张三\",\"idNumber\":\"" + id + "\"}", "mobile", "NotNull"),
                Arguments.of("missing ID number", "{\"name\":\"张三\",\"mobile\":\"" + mobile + "\"}", "idNumber", "NotNull"),
                Arguments.of("mobile with 10 digits", Applicants.json("张三", "1381234567", id), "mobile", "Pattern"),
                Arguments.of("mobile not starting 13-19", Applicants.json("张三", "12812345678", id), "mobile", "Pattern"),
                Arguments.of("ID number with a wrong check digit", Applicants.json("张三", mobile, wrongCheck), "idNumber", "ResidentIdNumber"),
                Arguments.of("ID number born on 30 February", Applicants.json("张三", mobile,
                        Applicants.withCheckCharacter("11010119900230123")), "idNumber", "ResidentIdNumber"),
                Arguments.of("ID number too short", Applicants.json("张三", mobile, "11010119900307"), "idNumber", "ResidentIdNumber"),
                Arguments.of("script in the name", Applicants.json("<script>alert(1)</script>", mobile, id), "name", "Pattern"),
                Arguments.of("SQL in the name", Applicants.json("x'; drop table customer; --", mobile, id), "name", "Pattern"),
                Arguments.of("name of 65 characters", Applicants.json("张".repeat(65), mobile, id), "name", "Size"),
                Arguments.of("unknown field", "{\"name\":\"张三\",\"mobile\":\"" + mobile + "\",\"idNumber\":\"" + id
                        + "\",\"creditLimit\":\"99999\"}", "creditLimit", "unknown-field"),
                Arguments.of("a number where text belongs", "{\"name\":\"张三\",\"mobile\":[1],\"idNumber\":\"" + id + "\"}",
                        "mobile", "type"),
                Arguments.of("a JSON number where the mobile's text belongs", "{\"name\":\"张三\",\"mobile\":13812345678,\"idNumber\":\""
                        + id + "\"}", "mobile", "type"),
                Arguments.of("malformed JSON", "{\"name\":\"张三\",", "body", "malformed-json"),
                Arguments.of("duplicated key", "{\"name\":\"张三\",\"name\":\"李四\",\"mobile\":\"" + mobile + "\",\"idNumber\":\""
                        + id + "\"}", "body", "malformed-json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badInputIsRefusedNamingTheFieldAndStoresNothing(String why, String body, String field, String rule) {
        long customers = count("customer");
        long messages = registrationsAnnounced();

        HttpResponse<String> response = register(body);

        assertThat(response.statusCode()).as(why).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("requestId").asString()).isNotBlank();
        assertThat(problem.get("errors").valueStream()
                .anyMatch(error -> error.get("field").asString().equals(field) && error.get("rule").asString().equals(rule)))
                .as("%s names %s/%s in %s", why, field, rule, response.body())
                .isTrue();
        assertThat(count("customer")).isEqualTo(customers);
        assertThat(registrationsAnnounced()).isEqualTo(messages);
    }

    @Test
    void aBodyAboveTheCapIsRefusedWith413() {
        long customers = count("customer");
        String huge = "{\"name\":\"" + "张".repeat(600_000) + "\",\"mobile\":\"13812345678\",\"idNumber\":\"x\"}";

        HttpResponse<String> response = register(huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:lendflow:problem:body-too-large");
        assertThat(count("customer")).isEqualTo(customers);
    }

    @Test
    void anUnknownCustomerIs404AndAMalformedIdIs400() {
        UUID nobody = UUID.randomUUID();
        HttpResponse<String> unknown = http.with("X-Customer-Id", nobody.toString()).get("/api/v1/customers/" + nobody);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("type").asString()).isEqualTo("urn:lendflow:problem:not-found");

        HttpResponse<String> malformed = http.with("X-Customer-Id", nobody.toString()).get("/api/v1/customers/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        assertThat(http.get("/actuator/health/readiness").body()).contains("\"UP\"");
        assertThat(http.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(http.get("/v3/api-docs").body()).contains("/api/v1/customers");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameCustomerAndRegistersOnce() {
        String key = UUID.randomUUID().toString();
        String body = Applicants.zhangSan();
        long customers = count("customer");

        HttpResponse<String> first = http.postJson("/api/v1/customers", body, Map.of("Idempotency-Key", key));
        HttpResponse<String> retry = http.postJson("/api/v1/customers", body, Map.of("Idempotency-Key", key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readTree(retry.body()).get("id")).isEqualTo(json.readTree(first.body()).get("id"));
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(count("customer")).isEqualTo(customers + 1);
    }

    @Test
    void anIdempotencyKeyPastItsRetentionIsForgottenAndOnlyThat() {
        String oldKey = UUID.randomUUID().toString();
        String recentKey = UUID.randomUUID().toString();
        assertThat(http.postJson("/api/v1/customers", Applicants.zhangSan(), Map.of("Idempotency-Key", oldKey)).statusCode())
                .isEqualTo(201);
        assertThat(http.postJson("/api/v1/customers", Applicants.zhangSan(), Map.of("Idempotency-Key", recentKey)).statusCode())
                .isEqualTo(201);
        jdbc.sql("update idempotency.idempotent_request set created_at = now() - interval '8 days' where idempotency_key = ?")
                .param(oldKey).update();

        idempotency.forgetOlderThan(java.time.Duration.ofDays(7));

        assertThat(keys(oldKey)).isZero();
        assertThat(keys(recentKey)).isEqualTo(1);
    }

    private long keys(String key) {
        return jdbc.sql("select count(*) from idempotency.idempotent_request where idempotency_key = ?").param(key)
                .query(Long.class).single();
    }

    @Test
    void theSameIdempotencyKeyWithAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(http.postJson("/api/v1/customers", Applicants.zhangSan(), Map.of("Idempotency-Key", key)).statusCode())
                .isEqualTo(201);
        long customers = count("customer");

        HttpResponse<String> reused = http.postJson("/api/v1/customers", Applicants.zhangSan(), Map.of("Idempotency-Key", key));

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(reused.body()).get("type").asString()).isEqualTo("urn:lendflow:problem:idempotency-key-reused");
        assertThat(count("customer")).isEqualTo(customers);
    }

    @Test
    void aRegistrationWithoutAnIdempotencyKeyIsRefusedNamingTheHeader() {
        long customers = count("customer");

        HttpResponse<String> response = http.postJson("/api/v1/customers", Applicants.zhangSan());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(count("customer")).isEqualTo(customers);
    }

    private HttpResponse<String> register(String body) {
        return http.postJson("/api/v1/customers", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private Envelope announcementOf(UUID customerId) {
        return KafkaLog.first(Topics.LOAN_ORDER_CUSTOMER, record -> record.key().equals(customerId.toString()),
                        Duration.ofSeconds(20))
                .map(record -> codec.decode(record.value()))
                .orElseThrow(() -> new AssertionError("no CustomerRegistered for " + customerId + " on the topic"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** CustomerRegistered messages only: sagas left running by other tests keep re-sending their commands meanwhile. */
    private long registrationsAnnounced() {
        return jdbc.sql("select count(*) from messaging.outbox where message_type = 'CustomerRegistered'")
                .query(Long.class).single();
    }
}
