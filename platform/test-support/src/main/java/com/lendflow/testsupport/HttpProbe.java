package com.lendflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Calls a running service over real HTTP, as the app backend would, and hands back whatever it answers. */
public final class HttpProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> defaults;

    public HttpProbe(String baseUrl) {
        this(baseUrl, Map.of());
    }

    private HttpProbe(String baseUrl, Map<String, String> defaults) {
        this.baseUrl = baseUrl;
        this.defaults = defaults;
    }

    /** The same probe, sending {@code header} on every request. */
    public HttpProbe with(String header, String value) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(defaults);
        headers.put(header, value);
        return new HttpProbe(baseUrl, Map.copyOf(headers));
    }

    /** The same probe, sending {@code token} as its bearer token. */
    public HttpProbe bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    public static HttpProbe localhost(int port) {
        return new HttpProbe("http://localhost:" + port);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json, Map.of());
    }

    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        defaults.forEach((name, value) -> {
            if (!headers.containsKey(name)) {
                request.header(name, value);
            }
        });
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
