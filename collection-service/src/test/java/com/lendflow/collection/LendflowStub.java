package com.lendflow.collection;

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
import java.util.concurrent.ThreadLocalRandom;

/**
 * Plays the Lendflow services collection calls over real HTTP: loan-order's internal borrower
 * contact ({@code GET /internal/v1/customers/{id}/contact}), core-ledger's internal loan statement
 * ({@code GET /internal/v1/loans/{id}/statement}, which can be made to fail), and the auth server's
 * token endpoint collection gets its own service token from. Both APIs require a bearer token.
 */
public final class LendflowStub {

    private static final Map<UUID, Borrower> BORROWERS = new ConcurrentHashMap<>();
    private static volatile boolean coreLedgerDown;
    private static HttpServer server;

    private LendflowStub() {
    }

    public record Borrower(UUID customerId, String mobile, String realName) {
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
                    .formatted(TestTokens.service("collection-service"))));
            server.createContext("/internal/v1/customers/", LendflowStub::contact);
            server.createContext("/internal/v1/loans/", LendflowStub::statement);
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A borrower loan-order knows, with a fresh mobile. */
    public static Borrower borrower(String realName) {
        Borrower borrower = new Borrower(UUID.randomUUID(),
                "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000)), realName);
        BORROWERS.put(borrower.customerId(), borrower);
        return borrower;
    }

    public static void coreLedgerDown(boolean down) {
        coreLedgerDown = down;
    }

    private static void contact(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().split("/");
        Borrower borrower = parts.length == 6 && parts[5].equals("contact") ? BORROWERS.get(UUID.fromString(parts[4])) : null;
        if (borrower == null) {
            answer(exchange, 404, "{\"title\":\"Customer not found\"}");
            return;
        }
        answer(exchange, 200, "{\"customerId\":\"%s\",\"mobile\":\"%s\",\"realName\":\"%s\"}"
                .formatted(borrower.customerId(), borrower.mobile(), borrower.realName()));
    }

    private static void statement(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        if (coreLedgerDown) {
            answer(exchange, 503, "{\"title\":\"Service unavailable\"}");
            return;
        }
        String loanId = exchange.getRequestURI().getPath().split("/")[4];
        answer(exchange, 200, """
                {"loanId":"%s","status":"ACTIVE","bucket":"M1","installments":[{"period":1,"state":"OVERDUE","owed":"350.00"}],
                 "repayments":[]}""".formatted(loanId));
    }

    private static boolean authorised(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "{\"title\":\"Unauthenticated\"}");
            return false;
        }
        return true;
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
