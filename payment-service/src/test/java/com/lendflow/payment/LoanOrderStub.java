package com.lendflow.payment;

import com.lendflow.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays loan-order-service's side of a card binding over real HTTP: the internal customer API
 * ({@code GET /internal/v1/customers/{id}}, service token required) and, standing in for the auth
 * server, the token endpoint payment-service gets its own client-credentials token from.
 */
public final class LoanOrderStub {

    private static final Map<UUID, String> NAMES = new ConcurrentHashMap<>();
    private static final AtomicInteger UNAUTHENTICATED = new AtomicInteger();
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
                    .formatted(TestTokens.service("payment-service"))));
            server.createContext("/internal/v1/customers/", LoanOrderStub::customer);
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A customer loan-order-service knows, under their real name. */
    public static UUID customerNamed(String realName) {
        UUID id = UUID.randomUUID();
        NAMES.put(id, realName);
        return id;
    }

    /** Requests that came without a bearer token: there should be none. */
    public static int unauthenticatedRequests() {
        return UNAUTHENTICATED.get();
    }

    private static void customer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            UNAUTHENTICATED.incrementAndGet();
            answer(exchange, 401, "{\"title\":\"Unauthenticated\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String name = null;
        try {
            name = NAMES.get(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
        } catch (IllegalArgumentException notAnId) {
            // answered 404 below
        }
        if (name == null) {
            answer(exchange, 404, "{\"title\":\"Customer not found\"}");
            return;
        }
        answer(exchange, 200, "{\"id\":\"%s\",\"name\":\"%s\"}".formatted(path.substring(path.lastIndexOf('/') + 1), name));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
