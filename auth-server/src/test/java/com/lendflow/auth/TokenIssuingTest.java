package com.lendflow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
class TokenIssuingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = new JsonMapper();
    private static final String STAFF_PASSWORD_GRANT = "urn:lendflow:params:oauth:grant-type:staff-password";
    private static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    @Autowired Environment environment;

    @Test
    void theAppBackendGetsACustomerScopedToken() throws Exception {
        Instant asked = Instant.now();

        HttpResponse<String> response = token("app-backend", "app-backend-secret", Map.of("grant_type", "client_credentials"));

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = verified(accessToken(response));
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(claims.getAudience()).containsExactly("lendflow-api");
        assertThat(claims.getSubject()).isEqualTo("app-backend");
        assertThat(claims.getStringListClaim("scope")).containsExactly("customer");
        assertThat(claims.getStringClaim("client_kind")).isEqualTo("app");
        assertThat(claims.getExpirationTime().toInstant())
                .isAfter(asked)
                .isBeforeOrEqualTo(Instant.now().plus(ACCESS_TOKEN_TTL));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(ACCESS_TOKEN_TTL);
    }

    @Test
    void aServiceGetsAnInternalTokenForServiceToServiceCalls() throws Exception {
        HttpResponse<String> response = token("limit-service", "limit-service-secret", Map.of("grant_type", "client_credentials"));

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = verified(accessToken(response));
        assertThat(claims.getSubject()).isEqualTo("limit-service");
        assertThat(claims.getStringListClaim("scope")).containsExactly("internal");
        assertThat(claims.getStringClaim("client_kind")).isEqualTo("service");
    }

    @Test
    void theOpsConsoleOnItsOwnGetsAnOpsToolToken() throws Exception {
        HttpResponse<String> response = token("ops-console", "ops-console-secret", Map.of("grant_type", "client_credentials"));

        JWTClaimsSet claims = verified(accessToken(response));
        assertThat(claims.getStringListClaim("scope")).containsExactly("ops");
        assertThat(claims.getStringClaim("client_kind")).isEqualTo("ops-tool");
        assertThat(claims.getClaim("roles")).isNull();
    }

    @Test
    void anAgentSignsInThroughTheOpsConsoleAndCarriesTheirRole() throws Exception {
        HttpResponse<String> response = token("ops-console", "ops-console-secret",
                Map.of("grant_type", STAFF_PASSWORD_GRANT, "username", "agent", "password", "agent-password"));

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = verified(accessToken(response));
        assertThat(claims.getSubject()).isEqualTo("agent");
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(claims.getAudience()).containsExactly("lendflow-api");
        assertThat(claims.getStringListClaim("scope")).containsExactly("ops");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OPS_AGENT");
        assertThat(claims.getStringClaim("client_kind")).isEqualTo("staff");
    }

    @Test
    void aWrongPasswordOrAnUnknownStaffMemberIsAnInvalidGrant() throws Exception {
        HttpResponse<String> wrongPassword = token("ops-console", "ops-console-secret",
                Map.of("grant_type", STAFF_PASSWORD_GRANT, "username", "agent", "password", "guessed"));
        HttpResponse<String> unknownUser = token("ops-console", "ops-console-secret",
                Map.of("grant_type", STAFF_PASSWORD_GRANT, "username", "intruder", "password", "guessed"));

        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(error(wrongPassword)).isEqualTo("invalid_grant");
        // The same answer either way, so the endpoint does not reveal which usernames exist.
        assertThat(unknownUser.statusCode()).isEqualTo(400);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void theAppBackendCannotSignStaffIn() throws Exception {
        HttpResponse<String> response = token("app-backend", "app-backend-secret",
                Map.of("grant_type", STAFF_PASSWORD_GRANT, "username", "agent", "password", "agent-password"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("unauthorized_client");
    }

    @Test
    void aWrongClientSecretIsRefused() throws Exception {
        HttpResponse<String> response = token("app-backend", "not-the-secret", Map.of("grant_type", "client_credentials"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response)).isEqualTo("invalid_client");
    }

    @Test
    void aClientCannotAskForAScopeItDoesNotHave() throws Exception {
        HttpResponse<String> response = token("app-backend", "app-backend-secret",
                Map.of("grant_type", "client_credentials", "scope", "internal"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("invalid_scope");
    }

    @Test
    void aStaffPasswordInTheUrlIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url("/oauth2/token?password=agent-password"))
                .header("Authorization", basic("ops-console", "ops-console-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", STAFF_PASSWORD_GRANT, "username", "agent", "password", "agent-password"))))
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("invalid_request");
    }

    @Test
    void onlyTheTokenEndpointKeysMetadataAndHealthAreOpen() throws Exception {
        HttpResponse<String> metadata = get("/.well-known/oauth-authorization-server");
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(metadata.body());
        assertThat(document.get("issuer").asString()).isEqualTo("http://localhost:9000");
        assertThat(document.get("grant_types_supported").values().stream().map(JsonNode::asString))
                .containsExactly("client_credentials", STAFF_PASSWORD_GRANT);
        assertThat(get("/oauth2/jwks").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);

        for (String closed : List.of("/actuator/prometheus", "/v3/api-docs", "/oauth2/authorize?response_type=code",
                "/oauth2/introspect", "/login", "/anything")) {
            assertThat(get(closed).statusCode()).as(closed).isEqualTo(403);
        }
    }

    /** Checks the RS256 signature against the key the server publishes, then returns the claims. */
    private JWTClaimsSet verified(String accessToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet published = JWKSet.parse(get("/oauth2/jwks").body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is published").isNotNull();
        assertThat(key.isPrivate()).as("only the public key is published").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
        return jwt.getJWTClaimsSet();
    }

    private HttpResponse<String> token(String clientId, String secret, Map<String, String> parameters) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url("/oauth2/token"))
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path);
    }

    private static String accessToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static String error(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("error").asString();
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> parameters) {
        return new LinkedHashMap<>(parameters).entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
