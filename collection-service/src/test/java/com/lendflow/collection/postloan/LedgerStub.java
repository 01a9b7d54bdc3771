package com.lendflow.collection.postloan;

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

/**
 * Plays core-ledger-service's side over real HTTP: {@code GET /internal/v1/loans/{id}/amounts-due} (service
 * token required) for the loans a test books here, and, standing in for the auth server, the token endpoint
 * collection-service gets its own client-credentials token from.
 */
public final class LedgerStub {

    private static final Map<UUID, String> LOANS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private LedgerStub() {
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
            server.createContext("/internal/v1/loans/", LedgerStub::amountsDue);
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A loan the ledger knows, {@code daysPastDue} days past due, with what it would answer about it. */
    public static UUID loan(UUID customerId, String status, int daysPastDue) {
        UUID loanId = UUID.randomUUID();
        LOANS.put(loanId, """
                {"loanId":"%s","customerId":"%s","status":"%s","daysPastDue":%d,"dueNow":"120.50","payoff":"980.10",
                 "bucket":"M1"}""".formatted(loanId, customerId, status, daysPastDue));
        return loanId;
    }

    private static void amountsDue(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "{\"title\":\"Unauthenticated\"}");
            return;
        }
        String[] path = exchange.getRequestURI().getPath().split("/");
        String loan = null;
        if (path.length == 6 && path[5].equals("amounts-due")) {
            try {
                loan = LOANS.get(UUID.fromString(path[4]));
            } catch (IllegalArgumentException notAnId) {
                // answered 404 below
            }
        }
        if (loan == null) {
            answer(exchange, 404, "{\"title\":\"Loan not found\"}");
            return;
        }
        answer(exchange, 200, loan);
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
