package com.lendflow.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Wall-clock time of whole journeys (POST to the final state, polls and pauses included), which
 * Gatling's own statistics do not give: its group "response time" adds up the requests and leaves the
 * pauses between polls out. At the end of a simulation it prints each journey's figures against the
 * issue's goals, PASS or FAIL, and appends them to {@code target/gatling/load-summary.txt}.
 */
final class JourneyLog {

    enum Outcome { COMPLETED, FAILED, STUCK }

    record Journey(long startedAtMillis, long endedAtMillis, Outcome outcome) {
        long millis() {
            return endedAtMillis - startedAtMillis;
        }
    }

    /** A journey's goal: completions per second in the steady part of the run, and the p99 of the wall time. */
    record Goal(double completedPerSecond, long p99Millis) {
    }

    private static final Map<String, ConcurrentLinkedQueue<Journey>> JOURNEYS = new ConcurrentHashMap<>();
    static final Path SUMMARY = Path.of(System.getProperty("lendflow.load.summary", "target/gatling/load-summary.txt"));

    private JourneyLog() {
    }

    static void record(String journey, long startedAtMillis, Outcome outcome) {
        JOURNEYS.computeIfAbsent(journey, k -> new ConcurrentLinkedQueue<>())
                .add(new Journey(startedAtMillis, System.currentTimeMillis(), outcome));
    }

    static List<Journey> of(String journey) {
        return new ArrayList<>(JOURNEYS.getOrDefault(journey, new ConcurrentLinkedQueue<>()));
    }

    /** Prints and appends the figures of {@code journey}; the lines are also returned for the caller to add to. */
    static List<String> report(String simulation, String journey, double offeredPerSecond, Goal goal) {
        List<Journey> all = of(journey);
        List<String> lines = new ArrayList<>();
        long completed = all.stream().filter(j -> j.outcome() == Outcome.COMPLETED).count();
        long failed = all.stream().filter(j -> j.outcome() == Outcome.FAILED).count();
        long stuck = all.stream().filter(j -> j.outcome() == Outcome.STUCK).count();
        long[] millis = all.stream().filter(j -> j.outcome() == Outcome.COMPLETED).mapToLong(Journey::millis).sorted().toArray();
        double steady = steadyCompletionsPerSecond(all);
        lines.add("%s: %s journeys started %d at %.1f/s offered; completed %d, failed %d, stuck %d".formatted(
                simulation, journey, all.size(), offeredPerSecond, completed, failed, stuck));
        if (millis.length > 0) {
            lines.add(String.format(Locale.ROOT, "  %s wall time (ms): p50 %d  p95 %d  p99 %d  max %d; completed/s in the steady part %.1f",
                    journey, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                    millis[millis.length - 1], steady));
        }
        if (goal != null) {
            boolean throughput = steady >= goal.completedPerSecond();
            boolean latency = millis.length > 0 && percentile(millis, 99) < goal.p99Millis();
            boolean clean = failed == 0 && stuck == 0 && completed > 0;
            lines.add(String.format(Locale.ROOT, "  goal %s: >= %.0f completed/s %s, p99 < %d ms %s, none failed or stuck %s",
                    throughput && latency && clean ? "PASS" : "FAIL", goal.completedPerSecond(), passFail(throughput),
                    goal.p99Millis(), passFail(latency), passFail(clean)));
        }
        print(lines);
        return lines;
    }

    static void print(List<String> lines) {
        System.out.println();
        lines.forEach(System.out::println);
        try {
            Files.createDirectories(SUMMARY.toAbsolutePath().getParent());
            Files.write(SUMMARY, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(String simulation, String conditions) {
        return "== %s, %s, %s ==".formatted(simulation, Instant.now().toString().substring(0, 19) + "Z", conditions);
    }

    static String passFail(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    /**
     * Completions per second while journeys were finishing, the first and last tenth of that time left out
     * (the pipeline filling and draining): the offered rate when the stack keeps up, its capacity when not.
     */
    static double steadyCompletionsPerSecond(List<Journey> all) {
        long[] ends = all.stream().filter(j -> j.outcome() == Outcome.COMPLETED).mapToLong(Journey::endedAtMillis)
                .sorted().toArray();
        if (ends.length == 0) {
            return 0;
        }
        long span = ends[ends.length - 1] - ends[0];
        if (span < 2000) {
            return ends.length;
        }
        long from = ends[0] + span / 10;
        long to = ends[ends.length - 1] - span / 10;
        long completions = Arrays.stream(ends).filter(end -> end >= from && end < to).count();
        return completions * 1000.0 / (to - from);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }
}
