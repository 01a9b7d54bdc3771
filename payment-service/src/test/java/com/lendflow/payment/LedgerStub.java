package com.lendflow.payment;

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
 * Plays core-ledger-service's {@code GET /internal/v1/loans/{id}/amounts-due} over real HTTP
 * (service token required): what each loan a test set up owes now; 404 for any other.
 */
public final class LedgerStub {

    /** The funding partner every stand-in loan belongs to. */
    public static final String FUNDING_PARTNER = "partner-bank-a";

    private static final Map<UUID, Loan> LOANS = new ConcurrentHashMap<>();
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
            server.createContext("/internal/v1/loans/", LedgerStub::amountsDue);
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A customer's active loan owing {@code dueNow} today, {@code currentInstallment} with this period's, {@code payoff} in all. */
    public static UUID loanOf(UUID customerId, String dueNow, String currentInstallment, String payoff) {
        return loanOf(customerId, dueNow, currentInstallment, payoff, payoff);
    }

    /**
     * As {@link #loanOf(UUID, String, String, String)}, with the most the ledger applies of a chosen amount
     * ({@code largestAmount}: the installment for a product that refuses overpayments) and a payoff that may be
     * null (the product does not allow prepayment yet).
     */
    public static UUID loanOf(UUID customerId, String dueNow, String currentInstallment, String payoff,
                              String largestAmount) {
        UUID loanId = UUID.randomUUID();
        LOANS.put(loanId, new Loan(customerId, "ACTIVE", dueNow, currentInstallment, payoff, largestAmount));
        return loanId;
    }

    /** The loan now owes this (the customer paid, the ledger applied a repayment, ...). */
    public static void owes(UUID loanId, String status, String dueNow, String currentInstallment, String payoff) {
        LOANS.computeIfPresent(loanId, (id, loan) -> new Loan(loan.customerId(), status, dueNow, currentInstallment,
                payoff, payoff));
    }

    private static void amountsDue(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "{\"title\":\"Unauthenticated\"}");
            return;
        }
        String[] path = exchange.getRequestURI().getPath().split("/");
        Loan loan = null;
        try {
            loan = path.length == 6 && path[5].equals("amounts-due") ? LOANS.get(UUID.fromString(path[4])) : null;
        } catch (IllegalArgumentException notAnId) {
            // answered 404 below
        }
        if (loan == null) {
            answer(exchange, 404, "{\"title\":\"Loan not found\"}");
            return;
        }
        answer(exchange, 200, """
                {"loanId":"%s","customerId":"%s","drawdownId":"%s","status":"%s","asOf":"2030-01-01","dueNow":"%s",
                 "currentInstallment":"%s","payoff":%s,"largestAmount":"%s","daysPastDue":0,"fundingPartnerId":"%s"}"""
                .formatted(path[4], loan.customerId(), UUID.randomUUID(), loan.status(), loan.dueNow(),
                        loan.currentInstallment(), loan.payoff() == null ? "null" : "\"" + loan.payoff() + "\"",
                        loan.largestAmount(), FUNDING_PARTNER));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private record Loan(UUID customerId, String status, String dueNow, String currentInstallment, String payoff,
                        String largestAmount) {
    }
}
