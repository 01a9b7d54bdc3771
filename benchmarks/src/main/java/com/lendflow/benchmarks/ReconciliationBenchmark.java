package com.lendflow.benchmarks;

import com.lendflow.reconciliation.ReconciliationServiceApplication;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.SharedInfrastructure;
import com.lendflow.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * D+1 reconciliation of one day with N records on each side (default 1,000,000) and 1% injected breaks,
 * through exactly the production path: reconciliation-service runs as it does in production (its own
 * context, real PostgreSQL and Kafka), started by ops over HTTP, downloading payment-service's export and
 * the channel's statement over HTTP as streams from a generator in this JVM (which writes each file as
 * it is read, so neither side ever holds a file), parsing, staging with COPY and matching in SQL.
 *
 * <p>The day: N transfers, a mix of payouts and collections. Every 100th record carries a break, in turn:
 * the channel's amount a fen more (AMOUNT_MISMATCH), the channel's status FAILED (STATUS_MISMATCH),
 * missing from the channel's statement (MISSING_ON_THEIR_SIDE), missing from payment's export
 * (MISSING_ON_OUR_SIDE). Payout breaks of the last three kinds are dangerous and raise alerts.
 *
 * <p>Run (2-core machine, heap capped as the issue asks):
 * {@code ./mvnw -o -q -pl reconciliation-service,benchmarks install -DskipTests && MAVEN_OPTS=-Xmx512m ./mvnw -o -q
 * -pl benchmarks org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dbenchmark=com.lendflow.benchmarks.ReconciliationBenchmark
 * -Drecords=1000000}; {@code -Dgzip=true} asks for the files gzip-compressed. Prints the figures.
 */
public final class ReconciliationBenchmark {

    private static final String DATABASE = "lendflow_bench_reconciliation";
    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);
    private static final String NOON = DAY + "T12:00:00+08:00";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReconciliationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("records", 1_000_000);
        boolean gzip = Boolean.getBoolean("gzip");
        HttpServer files = files(records);
        String filesUrl = "http://localhost:" + files.getAddress().getPort();
        String url = SharedInfrastructure.jdbcUrl(DATABASE);
        ConfigurableApplicationContext service = BenchmarkService.start(ReconciliationServiceApplication.class,
                ReconciliationServiceApplication.NAME, DATABASE,
                "--spring.security.oauth2.client.provider.lendflow-internal.token-uri=" + filesUrl + "/oauth2/token",
                "--lendflow.reconciliation.sources.payment=" + filesUrl,
                "--lendflow.reconciliation.partners.channel-base-url=" + filesUrl,
                "--lendflow.reconciliation.gzip=" + gzip,
                "--lendflow.reconciliation.schedule=-",
                "--lendflow.reconciliation.worker.poll-interval=200ms",
                "--lendflow.reconciliation.read-timeout=10m");
        try {
            try (Connection connection = DriverManager.getConnection(url, SharedInfrastructure.USER, SharedInfrastructure.PASSWORD);
                 Statement sql = connection.createStatement()) {
                sql.execute("truncate break_history, reconciliation_break, reconciliation_run, staged_record, run_candidate, "
                        + "messaging.outbox cascade");
            }
            int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
            HttpProbe ops = HttpProbe.localhost(port).bearer(TestTokens.staff("benchmark", "FINANCE"));

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(heapBefore);
            var sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();

            long start = System.nanoTime();
            HttpResponse<String> started = ops.postJson("/ops/v1/reconciliation/runs",
                    "{\"businessDate\":\"%s\",\"reconciliation\":\"CHANNEL\",\"reason\":\"benchmark\"}".formatted(DAY));
            if (started.statusCode() != 202) {
                throw new IllegalStateException("the run was not started: " + started.body());
            }
            JsonNode run;
            long lastPrint = 0;
            while (true) {
                run = JSON.readTree(ops.get("/ops/v1/reconciliation/runs?date=" + DAY + "&reconciliation=CHANNEL").body())
                        .get("items").get(0);
                String state = run.get("state").asString();
                if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                    break;
                }
                if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf("  %5.1f s  %s: read %d ours, %d theirs%n", (lastPrint - start) / 1e9, state,
                            run.at("/ours/read").asLong(), run.at("/theirs/read").asLong());
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.shutdownNow();
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            long alerts;
            try (Connection connection = DriverManager.getConnection(url, SharedInfrastructure.USER, SharedInfrastructure.PASSWORD);
                 Statement sql = connection.createStatement()) {
                var rs = sql.executeQuery("select count(*) from messaging.outbox where message_type = 'ReconciliationAlert'");
                rs.next();
                alerts = rs.getLong(1);
            }
            System.out.println();
            System.out.println("Reconciliation benchmark (CHANNEL: payment-service export vs channel statement)");
            System.out.printf("  records per side     %,d generated (%s)%n", records, gzip ? "gzip" : "plain CSV");
            System.out.printf("  run                  %s%s%n", run.get("state").asString(),
                    run.get("detail").isNull() ? "" : " — " + run.get("detail").asString());
            System.out.printf("  staged               %,d ours, %,d theirs (totals %s / %s)%n", run.at("/ours/read").asLong(),
                    run.at("/theirs/read").asLong(), run.at("/ours/total").asString(), run.at("/theirs/total").asString());
            System.out.printf("  matched / breaks     %,d / %,d (expected breaks %,d)%n", run.get("matched").asLong(),
                    run.get("broken").asLong(), records / 100);
            System.out.printf("  alerts (outbox)      %,d%n", alerts);
            System.out.printf("  wall time            %.1f s (from the ops request to FINISHED)%n", seconds);
            System.out.printf("  heap                 peak %d MB sampled (before the run %d MB), max %d MB%n",
                    peak.get() >> 20, heapBefore >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
            System.out.printf("  load average         before %s, after %s; %d cores%n", loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            service.close();
            files.stop(0);
        }
        // The embedded broker's threads would keep the JVM (and exec:java) waiting.
        System.exit(0);
    }

    /** payment-service's export and the channel's statement of {@link #DAY}, written as they are read. */
    private static HttpServer files(int records) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory()));
        server.createContext("/oauth2/token", exchange -> {
            byte[] body = """
                    {"access_token":"%s","token_type":"Bearer","expires_in":900,"scope":"internal"}"""
                    .formatted(TestTokens.service("reconciliation-service")).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/internal/v1/reconciliation/transactions", exchange -> write(exchange, records, true));
        server.createContext("/sim/v1/channel/statements/", exchange -> write(exchange, records, false));
        server.start();
        return server;
    }

    private static void write(HttpExchange exchange, int records, boolean ours) throws IOException {
        boolean gzip = String.valueOf(exchange.getRequestURI().getQuery()).contains("gzip=true");
        exchange.getResponseHeaders().set("Content-Type", gzip ? "application/gzip" : "text/csv; charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = gzip ? new GZIPOutputStream(exchange.getResponseBody(), 1 << 16) : exchange.getResponseBody();
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(ours ? "request_no,direction,business_id,loan_id,amount,status,channel_txn_id,completed_at,funding_partner_id\n"
                    : "channel_txn_id,request_no,direction,amount,status,completed_at\n");
            long count = 0;
            long fen = 0;
            StringBuilder line = new StringBuilder(160);
            for (int i = 1; i <= records; i++) {
                int kind = i % 100 == 0 ? (i / 100) % 4 : -1;
                if ((ours && kind == 3) || (!ours && kind == 2)) {
                    continue; // missing on one side
                }
                long amount = 10_000 + (i % 500_000); // fen
                String status = "SUCCESS";
                if (!ours && kind == 0) {
                    amount += 1;
                }
                if (!ours && kind == 1) {
                    status = "FAILED";
                }
                String direction = (i / 7) % 2 == 0 ? "PAYOUT" : "COLLECTION";
                String id = Integer.toString(i);
                String money = BigDecimal.valueOf(amount, 2).toPlainString();
                line.setLength(0);
                if (ours) {
                    line.append("rq-").append(id).append(',').append(direction).append(",b-").append(id).append(",loan-")
                            .append(id).append(',').append(money).append(",SUCCEEDED,ct-").append(id).append(',')
                            .append(NOON).append(",partner-bank-a\n");
                } else {
                    line.append("ct-").append(id).append(",rq-").append(id).append(',').append(direction).append(',')
                            .append(money).append(',').append(status).append(',').append(NOON).append('\n');
                }
                out.append(line);
                count++;
                fen += amount;
            }
            out.write("TRAILER," + count + "," + BigDecimal.valueOf(fen, 2).toPlainString() + "\n");
        }
    }
}
