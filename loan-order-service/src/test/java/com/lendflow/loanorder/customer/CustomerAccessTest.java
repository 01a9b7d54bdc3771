package com.lendflow.loanorder.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
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

/** Who may see and do what with customers, and that their personal data is never stored in the clear. */
@ServiceIntegrationTest(database = "lendflow_loan_order")
class CustomerAccessTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    HttpProbe anonymous;
    HttpProbe appBackend;
    String name = "欧阳娜娜";
    String mobile;
    String idNumber;
    UUID customerId;

    @BeforeEach
    void registerACustomer() {
        anonymous = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
        appBackend = anonymous.bearer(TestTokens.appBackend());
        mobile = Applicants.mobile();
        idNumber = Applicants.idNumber();
        HttpResponse<String> registered = appBackend.postJson("/api/v1/customers", Applicants.json(name, mobile, idNumber),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(registered.statusCode()).isEqualTo(201);
        customerId = UUID.fromString(json.readTree(registered.body()).get("id").asString());
    }

    static List<Arguments> badTokens() {
        return List.of(
                Arguments.of("no token", null),
                Arguments.of("expired token", TestTokens.expiredAppBackend()),
                Arguments.of("forged signature", TestTokens.forgedAppBackend()),
                Arguments.of("token for another audience", TestTokens.appBackendForAudience("some-other-api")),
                Arguments.of("not a JWT at all", "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void withoutAValidTokenNothingIsSeenOrStored(String why, String token) {
        HttpProbe caller = token == null ? anonymous : anonymous.bearer(token);
        long customers = count();

        HttpResponse<String> read = caller.with("X-Customer-Id", customerId.toString()).get("/api/v1/customers/" + customerId);
        HttpResponse<String> write = caller.postJson("/api/v1/customers", Applicants.zhangSan(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(read.statusCode()).as(why).isEqualTo(401);
        assertThat(write.statusCode()).as(why).isEqualTo(401);
        assertThat(read.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json.readTree(read.body()).get("type").asString()).isEqualTo("urn:lendflow:problem:unauthenticated");
        assertThat(read.body()).doesNotContain(mobile);
        assertThat(count()).isEqualTo(customers);
    }

    @Test
    void aCustomerCannotSeeAnotherCustomer() {
        HttpResponse<String> own = appBackend.with("X-Customer-Id", customerId.toString()).get("/api/v1/customers/" + customerId);
        HttpResponse<String> someoneElse = appBackend.with("X-Customer-Id", UUID.randomUUID().toString())
                .get("/api/v1/customers/" + customerId);
        HttpResponse<String> nobodyNamed = appBackend.get("/api/v1/customers/" + customerId);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(someoneElse.statusCode()).as("answered as if it did not exist").isEqualTo(404);
        assertThat(someoneElse.body()).doesNotContain(mobile.substring(7));
        assertThat(nobodyNamed.statusCode()).isEqualTo(400);
        assertThat(nobodyNamed.body()).contains("X-Customer-Id");
    }

    @Test
    void aCustomerTokenOnAnOpsApiIsForbidden() {
        HttpResponse<String> response = appBackend.get("/ops/v1/customers/" + customerId);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:lendflow:problem:forbidden");
    }

    @Test
    void aServiceReadsTheRealNameAndNothingElseWhileNoCustomerOrStaffCan() {
        HttpResponse<String> asPayment = anonymous.bearer(TestTokens.service("payment-service"))
                .get("/internal/v1/customers/" + customerId);

        assertThat(asPayment.statusCode()).as(asPayment.body()).isEqualTo(200);
        assertThat(json.readTree(asPayment.body()).get("name").asString()).isEqualTo(name);
        assertThat(asPayment.body()).doesNotContain(mobile).doesNotContain(idNumber);
        assertThat(asPayment.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(appBackend.get("/internal/v1/customers/" + customerId).statusCode()).isEqualTo(403);
        assertThat(anonymous.bearer(TestTokens.staff("supervisor-wang", "OPS_SUPERVISOR"))
                .get("/internal/v1/customers/" + customerId).statusCode()).isEqualTo(403);
        assertThat(anonymous.bearer(TestTokens.service("payment-service"))
                .get("/internal/v1/customers/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void collectionReadsTheWholeContactWhileNoCustomerOrStaffCan() {
        HttpResponse<String> asCollection = anonymous.bearer(TestTokens.service("collection-service"))
                .get("/internal/v1/customers/" + customerId + "/contact");

        assertThat(asCollection.statusCode()).as(asCollection.body()).isEqualTo(200);
        JsonNode contact = json.readTree(asCollection.body());
        assertThat(contact.get("customerId").asString()).isEqualTo(customerId.toString());
        assertThat(contact.get("mobile").asString()).isEqualTo(mobile);
        assertThat(contact.get("realName").asString()).isEqualTo(name);
        assertThat(asCollection.body()).doesNotContain(idNumber);
        assertThat(asCollection.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(appBackend.with("X-Customer-Id", customerId.toString())
                .get("/internal/v1/customers/" + customerId + "/contact").statusCode()).isEqualTo(403);
        assertThat(anonymous.bearer(TestTokens.staff("supervisor-wang", "OPS_SUPERVISOR"))
                .get("/internal/v1/customers/" + customerId + "/contact").statusCode()).isEqualTo(403);
        assertThat(anonymous.bearer(TestTokens.service("collection-service"))
                .get("/internal/v1/customers/" + UUID.randomUUID() + "/contact").statusCode()).isEqualTo(404);
    }

    @Test
    void aServiceTokenCannotRegisterCustomers() {
        HttpResponse<String> response = anonymous.bearer(TestTokens.service("limit-service")).postJson("/api/v1/customers",
                Applicants.zhangSan(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anAgentSeesTheCustomerMaskedAndCannotRevealThem() {
        HttpProbe agent = anonymous.bearer(TestTokens.staff("agent-li", "OPS_AGENT"));

        HttpResponse<String> seen = agent.get("/ops/v1/customers/" + customerId);
        HttpResponse<String> reveal = agent.postJson("/ops/v1/customers/" + customerId + "/reveal",
                "{\"purpose\":\"customer called about a wrong mobile number\"}");

        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(json.readTree(seen.body()).get("mobile").asString()).contains("****");
        assertThat(seen.body()).doesNotContain(idNumber).doesNotContain(mobile);
        assertThat(reveal.statusCode()).isEqualTo(403);
        assertThat(reveal.body()).doesNotContain(idNumber);
        assertThat(reveals()).isZero();
    }

    @Test
    void anAgentFindsTheCustomerByTheExactMobileOrNameAndSeesThemMasked() {
        HttpProbe agent = anonymous.bearer(TestTokens.staff("agent-li", "OPS_AGENT"));
        // A name no other test registers, so the name search's answer is known exactly.
        String uniqueName = "欧阳" + (char) (0x4E00 + (int) (Math.random() * 20000)) + (char) (0x4E00 + (int) (Math.random() * 20000));
        String otherMobile = Applicants.mobile();
        HttpResponse<String> other = appBackend.postJson("/api/v1/customers",
                Applicants.json(uniqueName, otherMobile, Applicants.idNumber()), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        String otherId = json.readTree(other.body()).get("id").asString();

        HttpResponse<String> byMobile = agent.postJson("/ops/v1/customers/search", "{\"mobile\":\"" + mobile + "\"}");
        HttpResponse<String> byName = agent.postJson("/ops/v1/customers/search", "{\"name\":\" " + uniqueName + " \"}");
        HttpResponse<String> nobody = agent.postJson("/ops/v1/customers/search", "{\"mobile\":\"" + Applicants.mobile() + "\"}");

        assertThat(byMobile.statusCode()).as(byMobile.body()).isEqualTo(200);
        JsonNode found = json.readTree(byMobile.body());
        assertThat(found.get("totalItems").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(customerId.toString());
        assertThat(found.get("items").get(0).get("mobile").asString()).contains("****");
        assertThat(byMobile.body()).doesNotContain(mobile).doesNotContain(idNumber).doesNotContain(name);
        JsonNode named = json.readTree(byName.body());
        assertThat(named.get("totalItems").asLong()).isEqualTo(1);
        assertThat(named.get("items").get(0).get("id").asString()).isEqualTo(otherId);
        assertThat(byName.body()).doesNotContain(uniqueName).doesNotContain(otherMobile);
        assertThat(json.readTree(nobody.body()).get("totalItems").asLong()).isZero();
    }

    @Test
    void aSearchNeedsExactlyOneOfMobileAndNameAndAWellFormedMobile() {
        HttpProbe agent = anonymous.bearer(TestTokens.staff("agent-li", "OPS_AGENT"));

        HttpResponse<String> neither = agent.postJson("/ops/v1/customers/search", "{}");
        HttpResponse<String> both = agent.postJson("/ops/v1/customers/search",
                "{\"mobile\":\"" + mobile + "\",\"name\":\"" + name + "\"}");
        HttpResponse<String> malformed = agent.postJson("/ops/v1/customers/search", "{\"mobile\":\"1381234\"}");

        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(json.readTree(neither.body()).get("errors").get(0).get("field").asString()).isEqualTo("mobile");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json.readTree(both.body()).get("errors").get(0).get("rule").asString()).isEqualTo("one-of-mobile-or-name");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("errors").get(0).get("field").asString()).isEqualTo("mobile");
        assertThat(anonymous.bearer(TestTokens.staff("finance-qian", "FINANCE"))
                .postJson("/ops/v1/customers/search", "{\"mobile\":\"" + mobile + "\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void aSupervisorRevealsWithAStatedPurposeAndTheRevealIsAudited() {
        HttpProbe supervisor = anonymous.bearer(TestTokens.staff("supervisor-wang", "OPS_SUPERVISOR"));
        String purpose = "court order 2026-117 requires the full identity";

        HttpResponse<String> revealed = supervisor.postJson("/ops/v1/customers/" + customerId + "/reveal",
                "{\"purpose\":\"" + purpose + "\"}", Map.of("X-Request-Id", UUID.randomUUID().toString()));

        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode identity = json.readTree(revealed.body());
        assertThat(identity.get("idNumber").asString()).isEqualTo(idNumber);
        assertThat(identity.get("mobile").asString()).isEqualTo(mobile);
        assertThat(identity.get("name").asString()).isEqualTo(name);

        HttpResponse<String> trail = supervisor.get("/ops/v1/audit?action=customer.reveal&subjectId=" + customerId);
        assertThat(trail.statusCode()).isEqualTo(200);
        JsonNode record = json.readTree(trail.body()).get("records").get(0);
        assertThat(record.get("actor").asString()).isEqualTo("supervisor-wang");
        assertThat(record.get("actorRoles").toString()).contains("OPS_SUPERVISOR");
        assertThat(record.get("reason").asString()).isEqualTo(purpose);
        assertThat(record.get("requestId").asString()).isNotBlank();
        assertThat(trail.body()).doesNotContain(idNumber).doesNotContain(mobile);
    }

    @Test
    void aRevealWithoutAPurposeIsRefused() {
        HttpResponse<String> response = anonymous.bearer(TestTokens.staff("admin-zhao", "ADMIN"))
                .postJson("/ops/v1/customers/" + customerId + "/reveal", "{\"purpose\":\"\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"purpose\"").doesNotContain(idNumber);
        assertThat(reveals()).isZero();
    }

    @Test
    void anAgentCannotReadTheAuditTrail() {
        assertThat(anonymous.bearer(TestTokens.staff("agent-li", "OPS_AGENT")).get("/ops/v1/audit").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aDatabaseDumpShowsNoPersonalData() {
        String dump = jdbc.sql("select c::text from customer c where id = ?").param(customerId).query(String.class).single();
        assertThat(dump).doesNotContain(mobile).doesNotContain(idNumber).doesNotContain(name)
                .doesNotContain(mobile.substring(3)).contains("v1:");
        String outbox = String.join("\n", jdbc.sql("select envelope from messaging.outbox").query(String.class).list());
        assertThat(outbox).doesNotContain(mobile).doesNotContain(idNumber).doesNotContain(name);
    }

    private long count() {
        return jdbc.sql("select count(*) from customer").query(Long.class).single();
    }

    private long reveals() {
        return jdbc.sql("select count(*) from audit.audit_record where action = 'customer.reveal' and subject_id = ?")
                .param(customerId.toString()).query(Long.class).single();
    }
}
