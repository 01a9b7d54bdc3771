package com.lendflow.opsconsole.signin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The staff-password grant at the auth server, made with the console's client credentials. */
@Component
class StaffSignIn {

    static final String GRANT = "urn:lendflow:params:oauth:grant-type:staff-password";
    private static final Logger log = LoggerFactory.getLogger(StaffSignIn.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json;
    private final URI tokenUri;
    private final String basic;

    StaffSignIn(JsonMapper json,
                @Value("${lendflow.ops-console.auth.token-uri}") URI tokenUri,
                @Value("${lendflow.ops-console.auth.client-id}") String clientId,
                @Value("${lendflow.ops-console.auth.client-secret}") String clientSecret) {
        this.json = json;
        this.tokenUri = tokenUri;
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
    }

    sealed interface Outcome permits SignedIn, Refused, Unavailable {
    }

    record SignedIn(Session session) implements Outcome {
    }

    record Refused() implements Outcome {
    }

    record Unavailable() implements Outcome {
    }

    /** What the browser gets: the access token for the gateway and who it belongs to. */
    record Session(String accessToken, String tokenType, long expiresIn, Instant expiresAt, String username,
                   List<String> roles) {
    }

    Outcome signIn(String username, String password) {
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + form(GRANT) + "&username=" + form(username)
                        + "&password=" + form(password)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("the auth server at {} did not answer a sign-in: {}", tokenUri, e.toString());
            return new Unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable();
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            // The auth server says invalid_grant for an unknown user and a wrong password alike; so do we.
            return new Refused();
        }
        if (response.statusCode() != 200) {
            log.warn("the auth server answered a sign-in with {}", response.statusCode());
            return new Unavailable();
        }
        JsonNode token = json.readTree(response.body());
        String accessToken = token.path("access_token").asString();
        long expiresIn = token.path("expires_in").asLong();
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(role -> roles.add(role.asString()));
        return new SignedIn(new Session(accessToken, "Bearer", expiresIn, Instant.now().plusSeconds(expiresIn),
                claims.path("sub").asString(username), List.copyOf(roles)));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
