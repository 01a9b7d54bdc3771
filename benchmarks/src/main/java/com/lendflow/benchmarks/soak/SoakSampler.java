package com.lendflow.benchmarks.soak;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Watches a running stack ({@code ./lendflow up}) during a soak and says whether it stayed flat.
 * Every {@code interval} it samples, from outside the stack's JVM: the heap after the last
 * collection (from the GC log the stack was started with, {@code -Xlog:gc:file=...}), the JVM's
 * live threads and resident memory ({@code /proc/<pid>/status}), connections per database
 * ({@code pg_stat_activity}), the Kafka consumer lag of every group (committed offset against the
 * log's end) and new ERROR lines in the stack's log. Writes {@code soak.csv} (one row a sample),
 * {@code soak-lag.csv} and {@code soak-connections.csv} (per group, per database), {@code soak.png}
 * (the five series over time) and {@code soak-summary.txt}: each series' trend over the last two
 * thirds of the run (the first third is warm-up) and a verdict.
 *
 * <p>System properties: {@code soak.offset} (the stack's LENDFLOW_PORT_OFFSET, 0), {@code soak.home}
 * (LENDFLOW_HOME, .lendflow), {@code soak.pid} (found from the home when absent), {@code soak.gc-log}
 * (home/logs/gc.log), {@code soak.minutes} (30), {@code soak.interval} (seconds, 10), {@code soak.out}
 * (benchmarks/target/soak). {@code -Dsoak.render=<soak.csv>} only draws the chart and summary again.
 */
public final class SoakSampler {

    /** {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 150M->40M(512M) 5.123ms}, and Full and Remark pauses. */
    private static final Pattern GC_LINE = Pattern.compile("GC\\((\\d+)\\) Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+ ERROR ");

    record Sample(double minute, double heapAfterGcMb, double heapCommittedMb, long collections, double threads,
                  double rssMb, double dbConnections, double kafkaLag, String worstGroup, double errorLines) {

        static final String HEADER = "minute,heap_after_gc_mb,heap_committed_mb,collections,threads,rss_mb,"
                + "db_connections,kafka_lag,worst_lag_group,error_lines";

        String csv() {
            return String.format(Locale.ROOT, "%.2f,%.1f,%.1f,%d,%.0f,%.1f,%.0f,%.0f,%s,%.0f", minute, heapAfterGcMb,
                    heapCommittedMb, collections, threads, rssMb, dbConnections, kafkaLag, worstGroup, errorLines);
        }

        static Sample parse(String line) {
            String[] f = line.split(",", -1);
            return new Sample(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Long.parseLong(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]), f[8], Double.parseDouble(f[9]));
        }
    }

    private final int offset;
    private final long pid;
    private final Path gcLog;
    private final Path stackLog;
    private final Path out;
    private long gcLogPosition;
    private long stackLogPosition;
    private double lastHeapAfterGc = Double.NaN;
    private double lastHeapCommitted = Double.NaN;
    private long collections;
    private long errorLines;
    private final List<String> firstErrors = new ArrayList<>();

    private SoakSampler(int offset, long pid, Path gcLog, Path stackLog, Path out) {
        this.offset = offset;
        this.pid = pid;
        this.gcLog = gcLog;
        this.stackLog = stackLog;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(System.getProperty("soak.out", "benchmarks/target/soak"));
        Files.createDirectories(out);
        String render = System.getProperty("soak.render");
        if (render != null) {
            List<Sample> samples = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(render))) {
                if (!line.startsWith("minute")) {
                    samples.add(Sample.parse(line));
                }
            }
            System.out.print(conclude(samples, out, List.of(), "rendered again from " + render));
            return;
        }
        int offset = Integer.getInteger("soak.offset", 0);
        Path home = Path.of(System.getProperty("soak.home", ".lendflow")).toAbsolutePath();
        long pid = Long.getLong("soak.pid", -1L);
        if (pid < 0) {
            pid = stackPid(home);
        }
        Path gcLog = Path.of(System.getProperty("soak.gc-log", home.resolve("logs/gc.log").toString()));
        Duration length = Duration.ofSeconds((long) (Double.parseDouble(System.getProperty("soak.minutes", "30")) * 60));
        Duration interval = Duration.ofSeconds(Long.getLong("soak.interval", 10L));
        SoakSampler sampler = new SoakSampler(offset, pid, gcLog, home.resolve("logs/lendflow.log"), out);
        System.out.printf("sampling the stack (pid %d, offset %d) every %d s for %s into %s%n", pid, offset,
                interval.toSeconds(), length, out);
        System.out.print(sampler.run(length, interval));
    }

    private String run(Duration length, Duration interval) throws Exception {
        if (!Files.exists(gcLog)) {
            throw new IllegalStateException("no GC log at " + gcLog + ": start the stack with LENDFLOW_JAVA_OPTS="
                    + "\"-Xmx2g -XX:+UseG1GC -Xlog:gc:file=" + gcLog + "\"");
        }
        // Everything logged before the soak belongs to the start-up, not to the run; the heap is read from the start.
        stackLogPosition = Files.exists(stackLog) ? Files.size(stackLog) : 0;
        List<Sample> samples = new ArrayList<>();
        long begin = System.nanoTime();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + (19092 + offset));
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin kafka = Admin.create(admin);
             Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + (15432 + offset) + "/postgres",
                     "postgres", "postgres");
             BufferedWriter csv = Files.newBufferedWriter(out.resolve("soak.csv"), StandardCharsets.UTF_8);
             BufferedWriter lagCsv = Files.newBufferedWriter(out.resolve("soak-lag.csv"), StandardCharsets.UTF_8);
             BufferedWriter dbCsv = Files.newBufferedWriter(out.resolve("soak-connections.csv"), StandardCharsets.UTF_8)) {
            csv.write(Sample.HEADER + "\n");
            lagCsv.write("minute,group,lag\n");
            dbCsv.write("minute,database,connections\n");
            long next = begin;
            while (System.nanoTime() - begin <= length.toNanos()) {
                double minute = (System.nanoTime() - begin) / 60e9;
                readGcLog();
                readStackLog();
                Map<String, String> status = procStatus();
                Map<String, Long> connections = connections(db);
                Map<String, Long> lags = lags(kafka);
                String worst = lags.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
                Sample sample = new Sample(minute, lastHeapAfterGc, lastHeapCommitted, collections,
                        Double.parseDouble(status.getOrDefault("Threads", "NaN")),
                        kib(status.get("VmRSS")) / 1024.0, connections.values().stream().mapToLong(Long::longValue).sum(),
                        lags.values().stream().mapToLong(Long::longValue).sum(), worst, errorLines);
                samples.add(sample);
                csv.write(sample.csv() + "\n");
                csv.flush();
                for (Map.Entry<String, Long> lag : lags.entrySet()) {
                    lagCsv.write(String.format(Locale.ROOT, "%.2f,%s,%d%n", minute, lag.getKey(), lag.getValue()));
                }
                for (Map.Entry<String, Long> database : connections.entrySet()) {
                    dbCsv.write(String.format(Locale.ROOT, "%.2f,%s,%d%n", minute, database.getKey(), database.getValue()));
                }
                lagCsv.flush();
                dbCsv.flush();
                System.out.printf(Locale.ROOT, "%6.1f min  heap after GC %6.0f MB  threads %4.0f  rss %5.0f MB  db %3.0f"
                                + "  lag %6.0f  errors %d%n", minute, sample.heapAfterGcMb(), sample.threads(),
                        sample.rssMb(), sample.dbConnections(), sample.kafkaLag(), errorLines);
                next += interval.toNanos();
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    System.out.println("the stack's JVM (pid " + pid + ") has gone; stopping");
                    break;
                }
            }
        }
        return conclude(samples, out, firstErrors, "stack pid " + pid + ", offset " + offset + ", started "
                + Instant.now().minusNanos(System.nanoTime() - begin));
    }

    /**
     * The stack's JVM: the Java process whose LENDFLOW_HOME is {@code home} (as {@code ./lendflow up} sets it),
     * preferring one that runs the local stack. Maven and this sampler are never it, though they may carry the
     * same LENDFLOW_HOME: {@code LENDFLOW_HOME=... ./lendflow soak} did, and the first 30-minute soak sampled
     * Maven's threads and memory instead of the stack's.
     */
    static long stackPid(Path home) throws IOException {
        long self = ProcessHandle.current().pid();
        List<Long> found = new ArrayList<>();
        List<Long> runningTheStack = new ArrayList<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    long pid = Long.parseLong(process.getFileName().toString());
                    String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (pid == self || !command.contains("java") || command.contains("plexus-classworlds")) {
                        continue;
                    }
                    for (String variable : Files.readString(process.resolve("environ")).split("\0")) {
                        if (variable.startsWith("LENDFLOW_HOME=")) {
                            Path cwd = process.resolve("cwd").toRealPath();
                            Path theirs = cwd.resolve(variable.substring("LENDFLOW_HOME=".length())).normalize();
                            if (theirs.equals(home.normalize())) {
                                found.add(pid);
                                if (command.contains("local-stack") || command.contains("com.lendflow.localstack")) {
                                    runningTheStack.add(pid);
                                }
                            }
                        }
                    }
                } catch (IOException gone) {
                    // Ended meanwhile, or not ours to read.
                }
            }
        }
        if (!runningTheStack.isEmpty()) {
            return runningTheStack.getFirst();
        }
        if (!found.isEmpty()) {
            return found.getFirst();
        }
        throw new IllegalStateException("no running stack found with LENDFLOW_HOME " + home + " (give -Dsoak.pid)");
    }

    private void readGcLog() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(gcLog.toFile(), "r")) {
            if (file.length() < gcLogPosition) {
                gcLogPosition = 0;
            }
            file.seek(gcLogPosition);
            String line;
            while ((line = file.readLine()) != null) {
                Matcher gc = GC_LINE.matcher(line);
                if (gc.find()) {
                    collections = Math.max(collections, Long.parseLong(gc.group(1)) + 1);
                    lastHeapAfterGc = Double.parseDouble(gc.group(3));
                    lastHeapCommitted = Double.parseDouble(gc.group(4));
                }
            }
            gcLogPosition = file.getFilePointer();
        }
    }

    private void readStackLog() throws IOException {
        if (!Files.exists(stackLog)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(stackLog.toFile(), "r")) {
            if (file.length() < stackLogPosition) {
                stackLogPosition = 0;
            }
            file.seek(stackLogPosition);
            String line;
            while ((line = file.readLine()) != null) {
                if (ERROR_LINE.matcher(line).find()) {
                    errorLines++;
                    if (firstErrors.size() < 10) {
                        firstErrors.add(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                    }
                }
            }
            stackLogPosition = file.getFilePointer();
        }
    }

    private Map<String, String> procStatus() throws IOException {
        Map<String, String> status = new HashMap<>();
        Path file = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(file)) {
            return status;
        }
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                status.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return status;
    }

    private static double kib(String value) {
        return value == null ? Double.NaN : Double.parseDouble(value.replace("kB", "").trim());
    }

    private static Map<String, Long> connections(Connection db) throws SQLException {
        Map<String, Long> byDatabase = new TreeMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("select datname, count(*) from pg_stat_activity"
                + " where datname like 'lendflow%' group by datname")) {
            while (rs.next()) {
                byDatabase.put(rs.getString(1), rs.getLong(2));
            }
        }
        return byDatabase;
    }

    /** Per consumer group: the messages its members have yet to take (log end minus committed offset, summed over partitions). */
    private static Map<String, Long> lags(Admin kafka) throws Exception {
        Map<String, Long> lags = new TreeMap<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (GroupListing group : kafka.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(20, TimeUnit.SECONDS)) {
            if (group.groupId().startsWith("journey-test-")) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = kafka.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            committed.put(group.groupId(), offsets);
            offsets.keySet().forEach(partition -> partitions.put(partition, OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (!partitions.isEmpty()) {
            kafka.listOffsets(partitions).all().get(20, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
        }
        committed.forEach((group, offsets) -> {
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : offsets.entrySet()) {
                Long end = ends.get(offset.getKey());
                if (end != null && offset.getValue() != null) {
                    lag += Math.max(0, end - offset.getValue().offset());
                }
            }
            lags.put(group, lag);
        });
        return lags;
    }

    /** A series' least-squares trend over the last two thirds of the run, and whether that counts as flat. */
    record Trend(String name, String unit, double mean, double slopePerHour, double changeOverWindow, double tolerance,
                 boolean flat) {

        String line() {
            return String.format(Locale.ROOT, "%-22s mean %9.1f %-5s trend %+9.1f %s/h, %+8.1f %s over the window"
                            + " (a leak if it grows more than +%.1f): %s", name, mean, unit, slopePerHour, unit,
                    changeOverWindow, unit,
                    tolerance, flat ? "FLAT" : "GROWING");
        }
    }

    static Trend trend(List<Sample> samples, String name, String unit, ToDoubleFunction<Sample> value,
                       double relativeTolerance, double absoluteTolerance) {
        List<Sample> window = samples.subList(samples.size() / 3, samples.size());
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Sample sample : window) {
            double y = value.applyAsDouble(sample);
            if (Double.isNaN(y)) {
                continue;
            }
            double x = sample.minute();
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        if (n < 3) {
            return new Trend(name, unit, n == 0 ? Double.NaN : sy / n, Double.NaN, Double.NaN, Double.NaN, false);
        }
        double slope = (n * sxy - sx * sy) / Math.max(1e-9, n * sxx - sx * sx);
        double span = window.get(window.size() - 1).minute() - window.get(0).minute();
        double mean = sy / n;
        double change = slope * span;
        double tolerance = Math.max(absoluteTolerance, relativeTolerance * Math.abs(mean));
        return new Trend(name, unit, mean, slope * 60, change, tolerance, change <= tolerance);
    }

    static String conclude(List<Sample> samples, Path out, List<String> firstErrors, String what) throws IOException {
        StringBuilder summary = new StringBuilder();
        double minutes = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).minute();
        summary.append(String.format(Locale.ROOT, "soak: %d samples over %.1f min (%s)%n", samples.size(), minutes, what));
        if (samples.size() < 6) {
            summary.append("too few samples for a verdict\n");
            Files.writeString(out.resolve("soak-summary.txt"), summary);
            return summary.toString();
        }
        List<Trend> trends = List.of(
                // A heap that keeps 10% (or 32 MB) more after each collection over twenty minutes is a leak worth a look.
                trend(samples, "heap after GC", "MB", Sample::heapAfterGcMb, 0.10, 32),
                trend(samples, "live threads", "", Sample::threads, 0.05, 5),
                trend(samples, "database connections", "", Sample::dbConnections, 0.10, 3),
                trend(samples, "kafka consumer lag", "msgs", Sample::kafkaLag, 0.0, 200));
        boolean flat = true;
        for (Trend trend : trends) {
            summary.append(trend.line()).append('\n');
            flat &= trend.flat();
        }
        double errors = samples.get(samples.size() - 1).errorLines();
        summary.append(String.format(Locale.ROOT, "ERROR lines in the stack's log during the run: %.0f%n", errors));
        firstErrors.forEach(line -> summary.append("  ").append(line.length() > 300 ? line.substring(0, 300) + "…" : line)
                .append('\n'));
        double maxLag = samples.stream().mapToDouble(Sample::kafkaLag).max().orElse(0);
        summary.append(String.format(Locale.ROOT, "largest total consumer lag seen: %.0f; heap after GC from %.0f to %.0f MB"
                        + " (max %.0f); threads %.0f to %.0f; collections %d%n", maxLag,
                samples.get(0).heapAfterGcMb(), samples.get(samples.size() - 1).heapAfterGcMb(),
                samples.stream().mapToDouble(Sample::heapAfterGcMb).max().orElse(0),
                samples.stream().mapToDouble(Sample::threads).filter(t -> !Double.isNaN(t)).min().orElse(Double.NaN),
                samples.stream().mapToDouble(Sample::threads).filter(t -> !Double.isNaN(t)).max().orElse(Double.NaN),
                samples.get(samples.size() - 1).collections() - samples.get(0).collections()));
        summary.append("verdict: ").append(flat && errors == 0 ? "FLAT, no errors"
                : (flat ? "flat" : "NOT FLAT") + (errors == 0 ? ", no errors" : ", " + (long) errors + " ERROR line(s)"))
                .append('\n');
        Files.writeString(out.resolve("soak-summary.txt"), summary);
        chart(samples, out.resolve("soak.png"), String.format(Locale.ROOT, "Lendflow soak: %.0f min", minutes));
        summary.append("chart: ").append(out.resolve("soak.png")).append('\n');
        return summary.toString();
    }

    private static void chart(List<Sample> samples, Path png, String title) throws IOException {
        NumberAxis time = new NumberAxis("minutes");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        Map<String, ToDoubleFunction<Sample>> series = new LinkedHashMap<>();
        series.put("heap after GC (MB)", Sample::heapAfterGcMb);
        series.put("live threads", Sample::threads);
        series.put("DB connections", Sample::dbConnections);
        series.put("Kafka consumer lag (messages)", Sample::kafkaLag);
        series.put("ERROR lines (cumulative)", Sample::errorLines);
        Color[] colours = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xd62728), Color.BLACK};
        int i = 0;
        for (Map.Entry<String, ToDoubleFunction<Sample>> entry : series.entrySet()) {
            XYSeries data = new XYSeries(entry.getKey());
            for (Sample sample : samples) {
                double y = entry.getValue().applyAsDouble(sample);
                if (!Double.isNaN(y)) {
                    data.add(sample.minute(), y);
                }
            }
            NumberAxis axis = new NumberAxis(entry.getKey());
            axis.setAutoRangeIncludesZero(true);
            axis.setAutoRangeMinimumSize(1.0);
            axis.setLabelFont(axis.getLabelFont().deriveFont(10f));
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setSeriesPaint(0, colours[i++ % colours.length]);
            renderer.setSeriesStroke(0, new BasicStroke(1.5f));
            XYPlot subplot = new XYPlot(new XYSeriesCollection(data), null, axis, renderer);
            subplot.setBackgroundPaint(Color.WHITE);
            subplot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            subplot.setDomainGridlinePaint(Color.LIGHT_GRAY);
            plot.add(subplot, 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 1100);
    }
}
