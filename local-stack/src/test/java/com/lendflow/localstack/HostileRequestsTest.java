package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * Requests an attacker or a buggy client would send, against the running gateway and services.
 * Each gets the right 4xx, nothing is stored, and the suite stays healthy.
 */
class HostileRequestsTest {

    static String appBackend;

    @BeforeAll
    static void startTheSuite() {
        SharedStack.get();
        appBackend = SharedStack.clientToken("app-backend");
    }

    @Test
    void aRequestWithoutATokenIsTurnedAwayAtTheGateway() {
        HttpResponse<String> response = SharedStack.postJson("/api/v1/customers", registration(), idempotent(Map.of()));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.body()).contains("urn:lendflow:problem:unauthenticated");
    }

    @Test
    void aTamperedTokenIsTurnedAway() {
        String[] parts = appBackend.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String widened = payload.replace("\"customer\"", "\"ops\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes()) + "." + parts[2];

        assertUnauthenticated(forged);
    }

    @Test
    void anExpiredTokenSignedByTheRealKeyIsTurnedAway() {
        assertUnauthenticated(signedByTheAuthServer(Instant.now().minusSeconds(3600), Instant.now().minusSeconds(60), "lendflow-api"));
    }

    @Test
    void aTokenForAnotherAudienceIsTurnedAway() {
        assertUnauthenticated(signedByTheAuthServer(Instant.now(), Instant.now().plusSeconds(600), "another-api"));
    }

    @Test
    void aCustomerTokenOnAnOpsApiIsForbidden() {
        HttpResponse<String> response = SharedStack.get("/ops/v1/customers/" + UUID.randomUUID(), bearer(appBackend));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anAgentCannotRevealPersonalDataButASupervisorCanWithAPurpose() {
        String customerId = registerCustomer(Identities.idNumber(), Identities.mobile());
        String agent = SharedStack.staffToken("agent");
        String supervisor = SharedStack.staffToken("supervisor");
        String purpose = "{\"purpose\":\"customer disputes the registered mobile number\"}";

        assertThat(SharedStack.postJson("/ops/v1/customers/" + customerId + "/reveal", purpose, bearer(agent)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> revealed = SharedStack.postJson("/ops/v1/customers/" + customerId + "/reveal", purpose,
                bearer(supervisor));
        assertThat(revealed.statusCode()).isEqualTo(200);
        HttpResponse<String> trail = SharedStack.get("/ops/v1/loan-order-service/audit?action=customer.reveal&subjectId=" + customerId,
                bearer(supervisor));
        assertThat(trail.body()).contains("\"actor\":\"supervisor\"").contains("customer disputes the registered mobile number");
    }

    @Test
    void anotherCustomersDataIsNotFound() {
        String customerId = registerCustomer(Identities.idNumber(), Identities.mobile());
        Map<String, String> asSomeoneElse = Map.of("Authorization", "Bearer " + appBackend, "X-Customer-Id", UUID.randomUUID().toString());

        assertThat(SharedStack.get("/api/v1/customers/" + customerId, asSomeoneElse).statusCode()).isEqualTo(404);
        assertThat(SharedStack.get("/api/v1/customers/" + customerId + "/credit-line", asSomeoneElse).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "' OR '1'='1",
            "'; DROP TABLE customer; --",
            "<script>alert(document.cookie)</script>",
            "\" onmouseover=\"alert(1)",
            "${jndi:ldap://localhost/a}",
            "../../../../etc/passwd",
            "%00\\u0000",
            "1e309",
            "-0.001"})
    void injectionStringsInEveryTextFieldAreRefusedAndNothingIsStored(String attack) {
        long before = customers();
        String escaped = attack.replace("\\", "\\\\").replace("\"", "\\\"");
        List<String> bodies = List.of(
                "{\"name\":\"" + escaped + "\",\"mobile\":\"13912345678\",\"idNumber\":\"" + Identities.idNumber() + "\"}",
                "{\"name\":\"张三\",\"mobile\":\"" + escaped + "\",\"idNumber\":\"" + Identities.idNumber() + "\"}",
                "{\"name\":\"张三\",\"mobile\":\"13912345678\",\"idNumber\":\"" + escaped + "\"}");
        for (String body : bodies) {
            HttpResponse<String> response = SharedStack.postJson("/api/v1/customers", body, idempotent(bearer(appBackend)));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("\"errors\"");
        }
        assertThat(customers()).isEqualTo(before);
        assertSuiteHealthy();
    }

    @Test
    void malformedOverlongAndMistypedBodiesAreRefused() {
        long before = customers();
        List<String> bodies = List.of(
                "{\"name\":\"张三\"",
                "[]",
                "null",
                "{\"name\":\"" + "张".repeat(5_000) + "\",\"mobile\":\"13912345678\",\"idNumber\":\"" + Identities.idNumber() + "\"}",
                "{\"name\":\"张三\",\"mobile\":13912345678,\"idNumber\":\"" + Identities.idNumber() + "\"}",
                "{\"name\":\"张三\",\"mobile\":99999999999999999999999999999999999,\"idNumber\":\"x\"}",
                "{\"name\":\"张三\",\"mobile\":\"13912345678\",\"idNumber\":\"" + Identities.idNumber() + "\"} trailing");
        for (String body : bodies) {
            HttpResponse<String> response = SharedStack.postJson("/api/v1/customers", body, idempotent(bearer(appBackend)));
            assertThat(response.statusCode()).as(body.length() > 200 ? body.substring(0, 200) : body).isEqualTo(400);
        }
        assertThat(customers()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"-100.00\"", "\"0.00\"", "\"100.001\"", "\"0.005\"", "1e309", "\"99999999999999999999999.00\"",
            "\"NaN\"", "\"Infinity\"", "\"100,00\"", "\"１００.００\"", "true", "null"})
    void negativeFractionalFenHugeAndMalformedAmountsAreRefusedNamingTheField(String principal) {
        HttpResponse<String> response = SharedStack.postJson("/api/v1/loan-calculator",
                "{\"principal\":" + principal + ",\"annualRate\":\"0.09125\",\"termMonths\":3,"
                        + "\"method\":\"EQUAL_INSTALLMENT\",\"startDate\":\"2026-01-15\"}", Map.of());

        assertThat(response.statusCode()).as(principal).isEqualTo(400);
        assertThat(response.body()).as(principal).contains("\"field\":\"principal\"");
    }

    @Test
    void aMalformedIdOrCustomerHeaderIsRefused() {
        assertThat(SharedStack.get("/api/v1/customers/1%20OR%201=1", Map.of("Authorization", "Bearer " + appBackend,
                "X-Customer-Id", UUID.randomUUID().toString())).statusCode()).isEqualTo(400);
        assertThat(SharedStack.get("/api/v1/customers/" + UUID.randomUUID(), Map.of("Authorization", "Bearer " + appBackend,
                "X-Customer-Id", "' OR 1=1 --")).statusCode()).isEqualTo(400);
    }

    @Test
    void aCustomerFloodingTheApiIsSlowedWithRetryAfter() {
        String customer = UUID.randomUUID().toString();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        // Eighty requests at once for one customer: far above the per-customer bucket of 20.
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            flood.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(SharedStack.gateway() + "/api/v1/customers/" + customer))
                    .header("Authorization", "Bearer " + appBackend)
                    .header("X-Customer-Id", customer)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> limited = flood.stream().map(java.util.concurrent.CompletableFuture::join)
                .filter(response -> response.statusCode() == 429).toList();

        assertThat(limited).as("429s among 80 simultaneous requests").isNotEmpty();
        assertThat(limited.getFirst().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(limited.getFirst().body()).contains("urn:lendflow:problem:rate-limited");
    }

    @Test
    void personalDataNeverReachesTheLogs() throws IOException {
        String idNumber = Identities.idNumber();
        String mobile = Identities.mobile();
        String customerId = registerCustomer(idNumber, mobile);
        SharedStack.get("/api/v1/customers/" + customerId, Map.of("Authorization", "Bearer " + appBackend, "X-Customer-Id", customerId));
        SharedStack.postJson("/api/v1/customers", "{\"name\":\"张三\",\"mobile\":\"" + mobile + "\",\"idNumber\":\"" + idNumber + "\"}",
                idempotent(bearer(appBackend)));
        SharedStack.postJson("/ops/v1/customers/" + customerId + "/reveal", "{\"purpose\":\"checking the log scan works\"}",
                bearer(SharedStack.staffToken("admin")));

        // The journey reached the logs: limit-service logs the customer whose line it opened.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Files.readString(logFile()).contains(customerId));
        String logs = Files.readString(logFile());
        assertThat(logs).doesNotContain(idNumber).doesNotContain(mobile).doesNotContain(mobile.substring(3));
    }

    private static Path logFile() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        FileAppender<?> file = (FileAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        return Path.of(file.getFile());
    }

    private static String registerCustomer(String idNumber, String mobile) {
        HttpResponse<String> registered = SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"李四\",\"mobile\":\"" + mobile + "\",\"idNumber\":\"" + idNumber + "\"}", idempotent(bearer(appBackend)));
        assertThat(registered.statusCode()).isEqualTo(201);
        return registered.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private static void assertUnauthenticated(String token) {
        long before = customers();
        HttpResponse<String> write = SharedStack.postJson("/api/v1/customers", registration(), idempotent(bearer(token)));
        HttpResponse<String> read = SharedStack.get("/api/v1/customers/" + UUID.randomUUID(), bearer(token));
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(customers()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static String signedByTheAuthServer(Instant issuedAt, Instant expiresAt, String audience) {
        JWKSource<SecurityContext> keys = (JWKSource<SecurityContext>) SharedStack.get().contextOf(Suite.AUTH_SERVER)
                .getBeanProvider(ResolvableType.forClassWithGenerics(JWKSource.class, SecurityContext.class)).getObject();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(SharedStack.get().urlOf(Suite.AUTH_SERVER))
                .subject("app-backend")
                .audience(List.of(audience))
                .issuedAt(issuedAt)
                .notBefore(issuedAt)
                .expiresAt(expiresAt)
                .claim("scope", List.of("customer"))
                .build();
        return new NimbusJwtEncoder(keys)
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static void assertSuiteHealthy() {
        for (StackService service : List.of(Suite.SERVICES.get(0), Suite.SERVICES.get(1))) {
            assertThat(SharedStack.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(SharedStack.get().urlOf(service) + "/actuator/health")).GET()).body())
                    .contains("\"status\":\"UP\"");
        }
    }

    private static String registration() {
        return "{\"name\":\"张三\",\"mobile\":\"" + Identities.mobile() + "\",\"idNumber\":\"" + Identities.idNumber() + "\"}";
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> idempotent(Map<String, String> headers) {
        Map<String, String> with = new java.util.HashMap<>(headers);
        with.put("Idempotency-Key", UUID.randomUUID().toString());
        return with;
    }

    private static long customers() {
        return SharedStack.count("lendflow_loan_order", "select count(*) from customer");
    }
}
