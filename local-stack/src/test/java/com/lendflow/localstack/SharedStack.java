package com.lendflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One running suite for every local-stack test class in this JVM, started as {@code ./lendflow up}
 * starts it (on ports offset by 10000, data in a temporary directory), stopped when the JVM exits. The
 * offset keeps every port below the kernel's ephemeral range (32768 up), so a port that a stopped
 * service gives up is not handed to an outgoing connection before the service starts again.
 */
final class SharedStack {

    /** Ports are offset by 10000, or by {@code -Dlendflow.test.stack-offset} so two test runs can share a machine. */
    static final int OFFSET = Integer.getInteger("lendflow.test.stack-offset", 10_000);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                // Write-off (核销) may be requested from 5 days past due here instead of 180, so the repayment
                // journey can write a loan off after a few end-of-day runs rather than half a year of them.
                System.setProperty("lendflow.collection.post-loan.write-off-dpd", "5");
                // End of day in batches of 25 loans (5,000 in production), so the fault campaign's stop of
                // core-ledger lands while a run is between batches, not after a small book closed in one.
                System.setProperty("lendflow.core-ledger.eod.batch-size",
                        System.getProperty("lendflow.core-ledger.eod.batch-size", "25"));
                // No quiet hours here (from 00:00 until 00:00 is no time at all): the console's journey logs an
                // agent's call, which collection-service refuses from 21:00 to 08:00 Beijing time, and the suite
                // runs at any hour. collection-service's own tests keep the quiet hours.
                System.setProperty("lendflow.collection.compliance.quiet-from", "00:00");
                System.setProperty("lendflow.collection.compliance.quiet-until", "00:00");
                Path home = Files.createTempDirectory("lendflow-stack-test");
                StackSettings settings = new StackSettings(home, OFFSET, 15432 + OFFSET, 19092 + OFFSET, 2);
                stack = LocalStack.start(settings);
                LocalStack started = stack;
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> stopAndClean(started, home)));
            } catch (Exception e) {
                throw new IllegalStateException("the local stack did not start", e);
            }
        }
        return stack;
    }

    /**
     * Stops the stack and deletes its data (about a gigabyte a run), unless
     * {@code -Dlendflow.test.keep-stack-data=true} (or a campaign that found a violation) asks to keep it
     * for a look with psql.
     */
    private static void stopAndClean(LocalStack started, Path home) {
        started.close();
        if (Boolean.getBoolean("lendflow.test.keep-stack-data")) {
            System.out.println("the test stack's data is kept in " + home);
            return;
        }
        try {
            Backups.deleteTree(home);
        } catch (UncheckedIOException e) {
            System.err.println("could not delete the test stack's data in " + home + ": " + e);
        }
    }

    static String gateway() {
        return get().gatewayUrl();
    }

    /** A client-credentials token from the stack's real auth server. */
    static String clientToken(String clientId) {
        return token(clientId, "grant_type=client_credentials");
    }

    /** A staff member's token, signed in through the ops console. */
    static String staffToken(String username) {
        return token("ops-console", "grant_type=urn:lendflow:params:oauth:grant-type:staff-password&username=" + username
                + "&password=" + username + "-password");
    }

    private static String token(String clientId, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(get().urlOf(Suite.AUTH_SERVER) + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    static HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    static HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long count(String database, String sql) {
        String url = "jdbc:postgresql://localhost:" + get().postgresPort() + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row {@code sql} returns in {@code database}, as text (null if no row). */
    static String text(String database, String sql) {
        String url = "jdbc:postgresql://localhost:" + get().postgresPort() + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
