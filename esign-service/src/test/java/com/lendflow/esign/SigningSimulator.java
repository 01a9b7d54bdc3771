package com.lendflow.esign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The partner simulator's e-signature admin API, as a test drives it. */
public final class SigningSimulator {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SigningSimulator() {
    }

    /** The next {@code times} signing calls misbehave ({@code TIMEOUT}, {@code FAIL}, {@code REJECT}); 0 until cleared. */
    public static void misbehave(String mode, int times) {
        send("PUT", "/sim/v1/esign/fault", "{\"mode\":\"" + mode + "\",\"delay\":\"PT3S\",\"times\":" + times + "}");
    }

    public static void behave() {
        send("DELETE", "/sim/v1/esign/fault", null);
    }

    /** The provider's signature for a request id (our document id), or null if it never signed one. */
    public static JsonNode signatureFor(UUID requestId) {
        HttpResponse<String> response = send("GET", "/sim/v1/esign/signatures/" + requestId, null);
        return response.statusCode() == 404 ? null : JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(EsignIntegrationTest.simulatorUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
