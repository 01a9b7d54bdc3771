package com.lendflow.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app backend's client-credentials token from the stack's auth server, taken again every few
 * minutes so a half-hour soak never runs on an expired one. One token for every virtual user, as the
 * app backend has: the gateway's per-client limit applies to all of them together.
 */
final class Tokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration RENEW_AFTER = Duration.ofMinutes(4);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String token;
    private static long takenAt;

    private Tokens() {
    }

    /** "Bearer …" for the app backend, with scope customer. */
    static synchronized String app() {
        if (token == null || System.nanoTime() - takenAt > RENEW_AFTER.toNanos()) {
            token = "Bearer " + take("app-backend");
            takenAt = System.nanoTime();
        }
        return token;
    }

    private static String take(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientId + "-secret")
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(LoadTarget.AUTH + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("no token for " + clientId + " from " + LoadTarget.AUTH + ": "
                        + response.statusCode());
            }
            return matcher.group(1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the auth server at " + LoadTarget.AUTH + " does not answer: is the stack up "
                    + "(./lendflow up) and -Dlendflow.load.offset its LENDFLOW_PORT_OFFSET?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
