package com.lendflow.esign;

import com.lendflow.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays loan-order-service's internal customer API over real HTTP ({@code GET
 * /internal/v1/customers/{id}}, a service token required) and, standing in for the auth server,
 * the token endpoint esign-service gets its own client-credentials token from.
 */
public final class LoanOrderStub {

    private static final Map<UUID, String> NAMES = new ConcurrentHashMap<>();
    private static final Set<UUID> UNAVAILABLE = ConcurrentHashMap.newKeySet();
    private static HttpServer server;

    private LoanOrderStub() {
    }

    public static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/oauth2/token", exchange -> answer(exchange, 200, """
                    {"access_token":"%s","token_type":"Bearer","expires_in":900,"scope":"internal"}"""
                    .formatted(TestTokens.service("esign-service"))));
            server.createContext("/internal/v1/customers/", LoanOrderStub::customer);
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A customer loan-order-service knows under their real name. */
    public static UUID customerNamed(String realName) {
        UUID id = UUID.randomUUID();
        NAMES.put(id, realName);
        return id;
    }

    /** Until {@link #recovers}, asking for this customer fails with 503. */
    public static void failsFor(UUID customerId) {
        UNAVAILABLE.add(customerId);
    }

    public static void recovers(UUID customerId) {
        UNAVAILABLE.remove(customerId);
    }

    private static void customer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "{\"title\":\"Unauthorized\"}");
            return;
        }
        UUID id = UUID.fromString(exchange.getRequestURI().getPath().substring("/internal/v1/customers/".length()));
        if (UNAVAILABLE.contains(id)) {
            answer(exchange, 503, "{\"title\":\"Service unavailable\"}");
            return;
        }
        String name = NAMES.get(id);
        if (name == null) {
            answer(exchange, 404, "{\"title\":\"Customer not found\"}");
            return;
        }
        answer(exchange, 200, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
