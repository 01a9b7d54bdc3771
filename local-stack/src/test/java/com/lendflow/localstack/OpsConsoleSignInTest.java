package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ops console as the gateway serves it: its page and assets without a token, and staff sign-in
 * through the console's own server, so the console client's secret never reaches a browser.
 */
class OpsConsoleSignInTest {

    static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    @Test
    void theConsolePageAndItsAssetsAreServedAtConsoleWithAStrictContentPolicy() {
        HttpResponse<String> page = SharedStack.get("/console/", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.body()).doesNotContain("ops-console-secret");

        Matcher script = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"").matcher(page.body());
        assertThat(script.find()).as(page.body()).isTrue();
        HttpResponse<String> asset = SharedStack.get(script.group(1), Map.of());
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=31536000", "immutable"));
        assertThat(asset.body()).contains("/console/api/sessions").doesNotContain("ops-console-secret");

        HttpResponse<String> withoutSlash = SharedStack.get("/console", Map.of());
        assertThat(withoutSlash.statusCode()).isEqualTo(308);
        assertThat(withoutSlash.headers().firstValue("Location")).hasValue("/console/");
    }

    @Test
    void aRiskAnalystSignsInThroughTheConsoleAndTheTokenCarriesTheirRole() {
        HttpResponse<String> session = signIn("analyst", "analyst-password");

        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        assertThat(session.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(session.body()).contains("\"username\":\"analyst\"", "\"roles\":[\"RISK_ANALYST\"]")
                .doesNotContain("refresh_token").doesNotContain("secret");
        Matcher token = ACCESS_TOKEN.matcher(session.body());
        assertThat(token.find()).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(token.group(1).split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"roles\":[\"RISK_ANALYST\"]");
        // The token is an ordinary staff token: the gateway and the services take it.
        HttpResponse<String> queue = SharedStack.get("/ops/v1/antifraud/reviews", Map.of("Authorization", "Bearer " + token.group(1)));
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedOnThePasswordFieldAndABlankNameOnTheUsernameField() {
        HttpResponse<String> wrong = signIn("analyst", "guess");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
        assertThat(wrong.body()).contains("urn:lendflow:problem:bad-credentials", "\"field\":\"password\"")
                .doesNotContain("accessToken");
        // An unknown user gets the same answer as a wrong password: the console does not say which names exist.
        HttpResponse<String> unknown = signIn("mallory", "guess");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body().replaceAll("\"requestId\":\"[^\"]*\"", ""))
                .isEqualTo(wrong.body().replaceAll("\"requestId\":\"[^\"]*\"", ""));

        HttpResponse<String> blank = signIn(" ", "x");
        assertThat(blank.statusCode()).as(blank.body()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"username\"");
    }

    static HttpResponse<String> signIn(String username, String password) {
        return SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.gateway() + "/console/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password))));
    }
}
