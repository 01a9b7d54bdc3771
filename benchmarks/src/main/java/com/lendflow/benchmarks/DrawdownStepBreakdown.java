package com.lendflow.benchmarks;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Which step of the drawdown saga costs what, read after a load run from loan-order-service's own
 * records (database lendflow_loan_order, tables drawdown and drawdown_timeline) for the drawdowns
 * submitted since {@code -Dsince} (an instant; default: the last hour) that ended DISBURSED.
 *
 * <p>A step runs from the end of the one before (the submission for the first) to its awaited answer
 * being handled, so the steps add up to the whole, submitted to DISBURSED; the last, OPEN_LOAN_ACCOUNT,
 * runs to the conclusion. The round trip of a step is its command written to the outbox → its reply
 * handled (relay, Kafka, the other service's work, Kafka back); the rest of a step is loan-order's own
 * work before sending (for SIGN_CONTRACT: waiting for the contract preparation to be picked up). Prints p50/p95/p99 per step, writes the table as Markdown
 * ({@code -Doutput}, default benchmarks/target/gatling/drawdown-steps.md) and a PNG chart
 * ({@code -Dchart}, default benchmarks/target/gatling/drawdown-steps.png).
 *
 * <p>{@code -Dlendflow.load.offset} is the stack's LENDFLOW_PORT_OFFSET (PostgreSQL on 15432 + offset), or
 * {@code -Djdbc=jdbc:postgresql://localhost:15432/lendflow_loan_order}.
 */
public final class DrawdownStepBreakdown {

    private static final List<String> STEPS = List.of("RESERVE_LIMIT", "LOCK_COUPON", "PREPARE_CONTRACT",
            "SIGN_CONTRACT", "ASSESS_RISK", "DECIDE", "RESERVE_FUNDING", "DISBURSE", "OPEN_LOAN_ACCOUNT");

    private DrawdownStepBreakdown() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        int offset = Integer.getInteger("lendflow.load.offset", 0);
        String jdbc = System.getProperty("jdbc", "jdbc:postgresql://localhost:" + (15432 + offset) + "/lendflow_loan_order");
        if (!jdbc.startsWith("jdbc:postgresql://localhost:") && !jdbc.startsWith("jdbc:postgresql://127.0.0.1:")) {
            throw new IllegalArgumentException("only a local stack's database is read: " + jdbc);
        }
        Instant since = Instant.parse(System.getProperty("since", Instant.now().minusSeconds(3600).toString()));
        Path output = Path.of(System.getProperty("output", "benchmarks/target/gatling/drawdown-steps.md"));
        Path chart = Path.of(System.getProperty("chart", "benchmarks/target/gatling/drawdown-steps.png"));

        Map<String, List<Long>> step = new LinkedHashMap<>();
        Map<String, List<Long>> roundTrip = new LinkedHashMap<>();
        STEPS.forEach(s -> {
            step.put(s, new ArrayList<>());
            roundTrip.put(s, new ArrayList<>());
        });
        List<Long> total = new ArrayList<>();
        long[] outcomes = new long[3];
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            try (PreparedStatement counts = connection.prepareStatement("""
                    select count(*) filter (where state = 'DISBURSED'), count(*) filter (where state = 'FAILED'),
                           count(*) filter (where state not in ('DISBURSED', 'FAILED'))
                    from drawdown where submitted_at >= ?""")) {
                counts.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = counts.executeQuery()) {
                    rs.next();
                    for (int i = 0; i < 3; i++) {
                        outcomes[i] = rs.getLong(i + 1);
                    }
                }
            }
            try (PreparedStatement rows = connection.prepareStatement("""
                    select d.id, d.submitted_at, d.concluded_at, t.kind, t.step, t.at
                    from drawdown d join drawdown_timeline t on t.drawdown_id = d.id
                    where d.submitted_at >= ? and d.state = 'DISBURSED'
                    order by d.id, t.id""")) {
                rows.setTimestamp(1, Timestamp.from(since));
                rows.setFetchSize(10_000);
                connection.setAutoCommit(false);
                try (ResultSet rs = rows.executeQuery()) {
                    UUID current = null;
                    Drawdown drawdown = null;
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        if (!id.equals(current)) {
                            if (drawdown != null) {
                                drawdown.addTo(step, roundTrip, total);
                            }
                            current = id;
                            drawdown = new Drawdown(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant());
                        }
                        drawdown.row(rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());
                    }
                    if (drawdown != null) {
                        drawdown.addTo(step, roundTrip, total);
                    }
                }
            }
        }

        List<String> lines = new ArrayList<>();
        lines.add("Drawdowns submitted since %s: %d DISBURSED, %d FAILED, %d not finished".formatted(since, outcomes[0],
                outcomes[1], outcomes[2]));
        lines.add("");
        lines.add("| step (service) | p50 ms | p95 ms | p99 ms | mean ms | of which round trip p50 / p99 ms |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (String name : STEPS) {
            long[] values = sorted(step.get(name));
            if (values.length == 0) {
                continue;
            }
            long[] trips = sorted(roundTrip.get(name));
            lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %s |", label(name), percentile(values, 50),
                    percentile(values, 95), percentile(values, 99), Arrays.stream(values).average().orElse(0),
                    trips.length == 0 ? "" : percentile(trips, 50) + " / " + percentile(trips, 99)));
            dataset.addValue(percentile(values, 50), "p50", name);
            dataset.addValue(percentile(values, 95), "p95", name);
            dataset.addValue(percentile(values, 99), "p99", name);
        }
        long[] all = sorted(total);
        if (all.length > 0) {
            lines.add(String.format(Locale.ROOT, "| **submitted → DISBURSED** | %d | %d | %d | %.1f | |", percentile(all, 50),
                    percentile(all, 95), percentile(all, 99), Arrays.stream(all).average().orElse(0)));
        }
        lines.forEach(System.out::println);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, lines);
        if (all.length > 0) {
            JFreeChart barChart = ChartFactory.createBarChart("Drawdown saga: time per step (" + all.length
                            + " drawdowns, p50 " + percentile(all, 50) + " ms / p99 " + percentile(all, 99) + " ms end to end)",
                    "step", "milliseconds", dataset, PlotOrientation.HORIZONTAL, true, false, false);
            barChart.setBackgroundPaint(Color.WHITE);
            Files.createDirectories(chart.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(chart.toFile(), barChart, 1000, 560);
            System.out.println("table: " + output + ", chart: " + chart);
        }
    }

    private static String label(String step) {
        return switch (step) {
            case "RESERVE_LIMIT" -> "RESERVE_LIMIT (limit)";
            case "LOCK_COUPON" -> "LOCK_COUPON (marketing)";
            case "PREPARE_CONTRACT" -> "PREPARE_CONTRACT (loan-order: route preview, schedule)";
            case "SIGN_CONTRACT" -> "SIGN_CONTRACT (esign)";
            case "ASSESS_RISK" -> "ASSESS_RISK (antifraud)";
            case "DECIDE" -> "DECIDE (credit-decision)";
            case "RESERVE_FUNDING" -> "RESERVE_FUNDING (funding)";
            case "DISBURSE" -> "DISBURSE (payment, channel)";
            case "OPEN_LOAN_ACCOUNT" -> "OPEN_LOAN_ACCOUNT (core-ledger) → DISBURSED";
            default -> step;
        };
    }

    /**
     * One drawdown's timeline. A step ends when its awaited answer is handled (the last reply of that step,
     * PREPARED for the contract preparation; the conclusion for the last step) and the next one starts
     * there, so the steps add up to submitted → DISBURSED. The round trip runs from the step's first
     * command (resends included) to that answer.
     */
    private static final class Drawdown {

        private final Instant submitted;
        private final Instant concluded;
        private final Map<String, Instant> firstSeen = new LinkedHashMap<>();
        private final Map<String, Instant> sent = new LinkedHashMap<>();
        private final Map<String, Instant> answered = new LinkedHashMap<>();

        Drawdown(Instant submitted, Instant concluded) {
            this.submitted = submitted;
            this.concluded = concluded;
        }

        void row(String kind, String step, Instant at) {
            if (step == null || !STEPS.contains(step)) {
                return;
            }
            firstSeen.putIfAbsent(step, at);
            if ("COMMAND_SENT".equals(kind)) {
                sent.putIfAbsent(step, at);
            } else if ("REPLY_RECEIVED".equals(kind) || "PREPARED".equals(kind)) {
                answered.put(step, at);
            }
        }

        void addTo(Map<String, List<Long>> steps, Map<String, List<Long>> roundTrips, List<Long> total) {
            List<String> seen = STEPS.stream().filter(firstSeen::containsKey).toList();
            Instant start = submitted;
            for (int i = 0; i < seen.size(); i++) {
                String name = seen.get(i);
                Instant end = i == seen.size() - 1 ? concluded
                        : answered.getOrDefault(name, firstSeen.get(seen.get(i + 1)));
                steps.get(name).add(end.toEpochMilli() - start.toEpochMilli());
                if (sent.containsKey(name) && answered.containsKey(name)) {
                    roundTrips.get(name).add(answered.get(name).toEpochMilli() - sent.get(name).toEpochMilli());
                }
                start = end;
            }
            total.add(concluded.toEpochMilli() - submitted.toEpochMilli());
        }
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
