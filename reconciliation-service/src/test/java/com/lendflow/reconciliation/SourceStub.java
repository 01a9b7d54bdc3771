package com.lendflow.reconciliation;

import com.lendflow.reconciliation.statement.Layout;
import com.lendflow.reconciliation.statement.Source;
import com.lendflow.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * Plays every source reconciliation reads, over real HTTP, in the shared file format: payment-service's,
 * core-ledger's and loan-order's exports (bearer token required) and the simulator's channel and
 * funding-partner statements, with the faults the simulator serves on request (late, truncated, wrong
 * trailer, duplicated lines); core-ledger's adjustment API (counting calls per break); and the auth
 * server's token endpoint. Files are kept per source and date; a date nobody filled is an empty file.
 */
public final class SourceStub {

    public enum Fault { LATE, TRUNCATED, WRONG_TRAILER, DUPLICATED_LINES }

    private record Key(Source source, String party, LocalDate date) {
    }

    private record Armed(Fault fault, AtomicInteger times) {
    }

    private static final Map<Key, List<String>> FILES = new ConcurrentHashMap<>();
    private static final Map<Key, Armed> FAULTS = new ConcurrentHashMap<>();
    private static final List<String> ADJUSTMENTS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    private SourceStub() {
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
                    .formatted(TestTokens.service("reconciliation-service"))));
            server.createContext("/internal/v1/reconciliation/adjustments", SourceStub::adjust);
            server.createContext("/internal/v1/reconciliation/transactions", exchange -> serve(exchange, Source.PAYMENT, null, query(exchange)));
            server.createContext("/internal/v1/reconciliation/movements", exchange -> serve(exchange, Source.LEDGER, null, query(exchange)));
            server.createContext("/internal/v1/reconciliation/drawdowns", exchange -> serve(exchange, Source.LOAN_ORDER, null, query(exchange)));
            server.createContext("/sim/v1/channel/statements/", exchange -> serve(exchange, Source.CHANNEL, null,
                    exchange.getRequestURI().getPath().substring("/sim/v1/channel/statements/".length())));
            server.createContext("/sim/v1/funding/", exchange -> {
                String[] path = exchange.getRequestURI().getPath().split("/");
                serve(exchange, Source.FUNDING, path[4], path[6]);
            });
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Adds record lines (without header or trailer) to a source's file of {@code date}. */
    public static void add(Source source, String party, LocalDate date, String... lines) {
        FILES.computeIfAbsent(new Key(source, party, date), k -> new CopyOnWriteArrayList<>()).addAll(List.of(lines));
    }

    public static void add(Source source, LocalDate date, String... lines) {
        add(source, null, date, lines);
    }

    /** Replaces a record line (found by its first {@code prefix} characters) in a file. */
    public static void replace(Source source, LocalDate date, String startOfLine, String line) {
        List<String> lines = FILES.get(new Key(source, null, date));
        lines.replaceAll(existing -> existing.startsWith(startOfLine) ? line : existing);
    }

    /** The next {@code times} requests for the file get the fault (a large number: until cleared). */
    public static void fault(Source source, String party, LocalDate date, Fault fault, int times) {
        FAULTS.put(new Key(source, party, date), new Armed(fault, new AtomicInteger(times)));
    }

    public static void clearFault(Source source, String party, LocalDate date) {
        FAULTS.remove(new Key(source, party, date));
    }

    /** The adjustment requests core-ledger received for a break, as JSON bodies. */
    public static List<String> adjustmentsFor(String breakId) {
        return ADJUSTMENTS.stream().filter(body -> body.contains(breakId)).toList();
    }

    private static String query(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("date=")) {
                return pair.substring(5);
            }
        }
        return "";
    }

    private static void serve(HttpExchange exchange, Source source, String party, String dateText) throws IOException {
        if (source.ours() && !authorised(exchange)) {
            return;
        }
        Key key = new Key(source, party, LocalDate.parse(dateText));
        Armed armed = FAULTS.get(key);
        Fault fault = null;
        if (armed != null && armed.times().getAndDecrement() > 0) {
            fault = armed.fault();
        }
        if (fault == Fault.LATE) {
            answer(exchange, 404, "{\"type\":\"statement-not-ready\"}");
            return;
        }
        Layout layout = source.layout();
        List<String> records = new ArrayList<>(FILES.getOrDefault(key, List.of()));
        if (fault == Fault.DUPLICATED_LINES && !records.isEmpty()) {
            records.add(records.getFirst());
        }
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (String line : records) {
            total = total.add(new BigDecimal(line.split(",", -1)[layout.amountColumn()]));
        }
        boolean gzip = String.valueOf(exchange.getRequestURI().getQuery()).contains("gzip=true");
        exchange.getResponseHeaders().set("Content-Type", gzip ? "application/gzip" : "text/csv; charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = gzip ? new GZIPOutputStream(exchange.getResponseBody()) : exchange.getResponseBody();
             Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
            out.write(layout.header() + "\n");
            int written = 0;
            for (String line : records) {
                if (fault == Fault.TRUNCATED && written == records.size() / 2) {
                    out.write(line.substring(0, line.length() / 2));
                    return;
                }
                out.write(line + "\n");
                written++;
            }
            long count = fault == Fault.WRONG_TRAILER ? records.size() + 1 : records.size();
            out.write("TRAILER," + count + "," + total.toPlainString() + "\n");
        }
    }

    private static void adjust(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ADJUSTMENTS.add(body);
        answer(exchange, 201, "{\"journalEntryId\":\"je-" + ADJUSTMENTS.size() + "\"}");
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
