package com.lendflow.loanorder.creditapplication;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Applying: who may, with what, how often; and who may read an application afterwards. */
class CreditApplicationRequestTest extends CreditApplicationIntegrationTest {

    @Test
    void anApplicationIsAcceptedWith202AndItsLocation() {
        Applicant applicant = registered();

        HttpResponse<String> response = apply(applicant, applicant.application());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = json.readTree(response.body());
        assertThat(accepted.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(response.headers().firstValue("Location")).hasValue(PATH + "/" + accepted.get("id").asString());
        assertThat(response.body()).doesNotContain(applicant.idNumber()).doesNotContain(applicant.mobile());
        String row = jdbc.sql("select a::text from credit_application a where id = ?")
                .param(UUID.fromString(accepted.get("id").asString())).query(String.class).single();
        assertThat(row).doesNotContain(applicant.idNumber()).doesNotContain(applicant.mobile())
                .doesNotContain(applicant.name()).doesNotContain("203.0.113.7").doesNotContain("3c:22:fb");
    }

    @Test
    void theSameKeyAndBodyReturnTheSameApplicationAndAnotherBodyIsRefused() {
        Applicant applicant = registered();
        String key = UUID.randomUUID().toString();
        long before = count("credit_application");

        HttpResponse<String> first = apply(applicant, applicant.application(), key);
        HttpResponse<String> retry = apply(applicant, applicant.application(), key);
        HttpResponse<String> other = apply(applicant, applicant.application(Applicant.CONSENTS,
                applicant.device("198.51.100.9", "3c:22:fb:1a:9e:01")), key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readTree(retry.body()).get("id")).isEqualTo(json.readTree(first.body()).get("id"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json.readTree(other.body()).get("type").asString()).isEqualTo("urn:lendflow:problem:idempotency-key-reused");
        assertThat(count("credit_application")).isEqualTo(before + 1);
    }

    @Test
    void anApplicationWithoutAnIdempotencyKeyIsRefused() {
        Applicant applicant = registered();
        long before = count("credit_application");

        HttpResponse<String> response = appBackend.with("X-Customer-Id", applicant.customerId().toString())
                .postJson(PATH, applicant.application());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(count("credit_application")).isEqualTo(before);
    }

    @Test
    void aSecondApplicationWhileOneIsRunningIsRefusedNamingTheRunningOne() {
        Applicant applicant = registered();
        UUID running = applies(applicant);

        HttpResponse<String> second = apply(applicant, applicant.application());

        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode problem = json.readTree(second.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:lendflow:problem:application-in-flight");
        assertThat(problem.get("detail").asString()).contains(running.toString());
    }

    static List<Arguments> badApplications() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return List.of(
                Arguments.of("ID number with a wrong check digit", (Function<Applicant, String>) a -> a.withIdNumber(
                        a.idNumber().substring(0, 17) + (a.idNumber().charAt(17) == '0' ? '1' : '0')).application(),
                        "idNumber", "ResidentIdNumber"),
                Arguments.of("seventeen years old", (Function<Applicant, String>) a -> a.withIdNumber(
                        Applicant.bornOn(today.minusYears(18).plusDays(1)).idNumber()).application(), "idNumber", "age-range"),
                Arguments.of("fifty-six years old", (Function<Applicant, String>) a -> a.withIdNumber(
                        Applicant.bornOn(today.minusYears(56)).idNumber()).application(), "idNumber", "age-range"),
                Arguments.of("credit-bureau authorisation refused", (Function<Applicant, String>) a -> a.application(
                        "{\"creditBureauAuthorisation\":false,\"privacyPolicy\":true}", a.device()),
                        "consents.creditBureauAuthorisation", "AssertTrue"),
                Arguments.of("privacy policy consent missing", (Function<Applicant, String>) a -> a.application(
                        "{\"creditBureauAuthorisation\":true}", a.device()), "consents.privacyPolicy", "NotNull"),
                Arguments.of("no consents at all", (Function<Applicant, String>) a -> a.application("null", a.device()),
                        "consents", "NotNull"),
                Arguments.of("unknown field", (Function<Applicant, String>) a -> a.application().replace("\"fullName\"",
                        "\"creditLimit\":\"100000\",\"fullName\""), "creditLimit", "unknown-field"),
                Arguments.of("unknown device field", (Function<Applicant, String>) a -> a.application(Applicant.CONSENTS,
                        a.device().replace("\"os\"", "\"imei\":\"8675309\",\"os\"")), "device.imei", "unknown-field"),
                Arguments.of("mobile with ten digits", (Function<Applicant, String>) a -> new Applicant(a.customerId(),
                        a.name(), "1391234567", a.idNumber()).application(), "mobile", "Pattern"),
                Arguments.of("IP address out of range", (Function<Applicant, String>) a -> a.application(Applicant.CONSENTS,
                        a.device("203.0.113.300", "3c:22:fb:1a:9e:01")), "device.ip", "IpAddress"),
                Arguments.of("IP address that is a host name", (Function<Applicant, String>) a -> a.application(
                        Applicant.CONSENTS, a.device("example.com", "3c:22:fb:1a:9e:01")), "device.ip", "IpAddress"),
                Arguments.of("Wi-Fi MAC with five groups", (Function<Applicant, String>) a -> a.application(
                        Applicant.CONSENTS, a.device("203.0.113.7", "3c:22:fb:1a:9e")), "device.wifiMac", "Pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApplications")
    void badInputIsRefusedNamingTheFieldAndStoresNothing(String why, Function<Applicant, String> body, String field,
                                                         String rule) {
        Applicant applicant = registered();
        long applications = count("credit_application");
        long messages = messagesAbout(applicant);

        HttpResponse<String> response = apply(applicant, body.apply(applicant));

        assertRefused(why, response, field, rule);
        assertThat(count("credit_application")).isEqualTo(applications);
        // Only this applicant's: sagas left running by other tests keep re-sending their commands meanwhile.
        assertThat(messagesAbout(applicant)).isEqualTo(messages);
    }

    @Test
    void anUnregisteredCustomerCannotApply() {
        Applicant stranger = Applicant.unregistered().registeredAs(UUID.randomUUID());
        long applications = count("credit_application");

        HttpResponse<String> response = apply(stranger, stranger.application());

        assertRefused("unregistered", response, "X-Customer-Id", "registered-customer");
        assertThat(count("credit_application")).isEqualTo(applications);
    }

    @Test
    void someoneElsesIdNumberIsRefusedWithoutEchoingIt() {
        Applicant applicant = registered();
        Applicant impostor = applicant.withIdNumber(Applicant.unregistered().idNumber());
        long applications = count("credit_application");
        long messages = messagesAbout(applicant);

        HttpResponse<String> response = apply(impostor, impostor.application());

        assertRefused("ID mismatch", response, "idNumber", "matches-customer");
        assertThat(response.body()).doesNotContain(impostor.idNumber()).doesNotContain(applicant.idNumber());
        assertThat(count("credit_application")).isEqualTo(applications);
        assertThat(messagesAbout(applicant)).isEqualTo(messages);
    }

    @Test
    void anotherCustomerCannotReadTheApplication() {
        Applicant applicant = registered();
        UUID id = applies(applicant);
        Applicant someoneElse = registered();

        HttpResponse<String> response = appBackend.with("X-Customer-Id", someoneElse.customerId().toString())
                .get(PATH + "/" + id);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(asCustomer(applicant, id).get("id").asString()).isEqualTo(id.toString());
    }

    @Test
    void aCustomerTokenCannotUseTheOpsApis() {
        Applicant applicant = registered();
        UUID id = applies(applicant);

        assertThat(appBackend.get("/ops/v1/credit-applications/" + id).statusCode()).isEqualTo(403);
        assertThat(appBackend.get("/ops/v1/credit-applications").statusCode()).isEqualTo(403);
        assertThat(anonymous.bearer(TestTokens.staff("finance-zhou", "FINANCE")).get("/ops/v1/credit-applications")
                .statusCode()).isEqualTo(403);
        assertThat(ops.with("X-Customer-Id", applicant.customerId().toString()).postJson(PATH, applicant.application(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).statusCode()).isEqualTo(403);
    }

    @Test
    void opsStaffSearchApplicationsWithPersonalDataMasked() {
        Applicant applicant = registered();
        UUID id = applies(applicant);

        HttpResponse<String> response = ops.get("/ops/v1/credit-applications?customerId=" + applicant.customerId()
                + "&state=SUBMITTED&from=2020-01-01T00:00:00Z&page=0&size=10");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = json.readTree(response.body());
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        JsonNode found = page.get("items").get(0);
        assertThat(found.get("id").asString()).isEqualTo(id.toString());
        assertThat(found.get("applicantName").asString()).isEqualTo("*三丰");
        assertThat(found.get("applicantMobile").asString()).isEqualTo(applicant.mobile().substring(0, 3) + "****"
                + applicant.mobile().substring(7));
        assertThat(response.body()).doesNotContain(applicant.idNumber()).doesNotContain(applicant.mobile());
        assertThat(json.readTree(ops.get("/ops/v1/credit-applications?customerId=" + applicant.customerId()
                + "&state=APPROVED").body()).get("totalItems").asLong()).isZero();
        HttpResponse<String> badState = ops.get("/ops/v1/credit-applications?state=PENDING");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badState.body()).get("errors").get(0).get("field").asString()).isEqualTo("state");
        assertThat(ops.get("/ops/v1/credit-applications?size=1000").statusCode()).isEqualTo(400);
    }

    private void assertRefused(String why, HttpResponse<String> response, String field, String rule) {
        assertThat(response.statusCode()).as("%s: %s", why, response.body()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("errors").valueStream()
                .anyMatch(error -> error.get("field").asString().equals(field) && error.get("rule").asString().equals(rule)))
                .as("%s names %s/%s in %s", why, field, rule, response.body())
                .isTrue();
    }

    private long messagesAbout(Applicant applicant) {
        return jdbc.sql("select count(*) from messaging.outbox where envelope like ?")
                .param("%" + applicant.customerId() + "%").query(Long.class).single();
    }
}
