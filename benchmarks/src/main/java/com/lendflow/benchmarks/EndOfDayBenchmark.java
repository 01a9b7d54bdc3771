package com.lendflow.benchmarks;

import com.lendflow.coreledger.CoreLedgerServiceApplication;
import com.lendflow.coreledger.eod.EndOfDay;
import com.lendflow.coreledger.eod.EodRun;
import com.lendflow.coreledger.schedule.Installment;
import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.coreledger.schedule.Schedule;
import com.lendflow.coreledger.schedule.ScheduleEngine;
import com.lendflow.coreledger.schedule.ScheduleRequest;
import com.lendflow.testsupport.SharedInfrastructure;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End of day over a book of N active loans (default 1,000,000) on one machine: core-ledger-service
 * runs as it does in production, on real PostgreSQL and a real Kafka broker, over a book seeded
 * directly into its tables. The book: 1,000.00 at 14.6% over 3 months in equal installments,
 * opened on each of the last 89 days, so every day some installments fall due; what fell due
 * before is paid, except for 3% of loans that are behind (due or overdue, accruing penalty).
 * Spread over three funding partners. The business date is today; the loans were processed
 * through yesterday, so the run accrues, ages and classifies every one of them.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am install -DskipTests && ./mvnw -q -pl benchmarks
 * org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dloans=1000000}. Prints the figures and writes them
 * to {@code docs/benchmarks.md}'s end-of-day section.
 */
public final class EndOfDayBenchmark {

    private static final String DATABASE = "lendflow_bench_eod";
    private static final String[] PARTNERS = {"partner-bank-a", "partner-bank-b", "partner-trust-c"};
    private static final BigDecimal PRINCIPAL = new BigDecimal("1000.00");
    private static final BigDecimal RATE = new BigDecimal("0.146");

    private EndOfDayBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkService.exitOnFailure(EndOfDayBenchmark::run);
    }

    private static void run() throws Exception {
        int loans = Integer.getInteger("loans", 1_000_000);
        int batchSize = Integer.getInteger("batchSize", 5_000);
        String url = SharedInfrastructure.jdbcUrl(DATABASE);
        ConfigurableApplicationContext ledger = BenchmarkService.start(CoreLedgerServiceApplication.class,
                CoreLedgerServiceApplication.NAME, DATABASE,
                "--lendflow.core-ledger.eod.batch-size=" + batchSize,
                // Each batch logs where its time went, step by step.
                "--logging.level.com.lendflow.coreledger.eod.EodBatch=DEBUG");
        try {
            LocalDate today = LocalDate.now();
            long seedStart = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(url, SharedInfrastructure.USER,
                    SharedInfrastructure.PASSWORD)) {
                seed(connection, loans, today);
            }
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
            System.out.printf(Locale.ROOT, "seeded %,d loans in %.1f s%n", loans, seeding.toMillis() / 1000.0);

            long start = System.nanoTime();
            EodRun run = ledger.getBean(EndOfDay.class).run();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            double perSecond = run.loansDone() / (took.toMillis() / 1000.0);
            String figures = String.format(Locale.ROOT,
                    "%,d active loans closed in %.1f s (%,.0f loans/s), %d batches of %,d, status %s",
                    run.loansDone(), took.toMillis() / 1000.0, perSecond, run.batches(), batchSize, run.status());
            System.out.println(figures);
            record(loans, batchSize, took, perSecond, run, seeding);
        } finally {
            ledger.close();
        }
        System.exit(0);
    }

    /** Loans, schedule versions and installments by COPY, the way a migration from another core would load them. */
    static void seed(Connection connection, int loans, LocalDate today) throws SQLException, IOException {
        LocalDate yesterday = today.minusDays(1);
        ScheduleEngine engine = new ScheduleEngine();
        Map<Integer, Schedule> byAge = new HashMap<>();
        for (int age = 1; age <= 89; age++) {
            byAge.put(age, engine.schedule(new ScheduleRequest(PRINCIPAL, RATE, 3, RepaymentMethod.EQUAL_INSTALLMENT,
                    today.minusDays(age))));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate loan_account, schedule_version, installment, accrual, eod_run cascade");
            statement.execute("update business_day set business_date = '" + today + "'");
        }
        var copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI();
        UUID[] ids = new UUID[loans];
        for (int i = 0; i < loans; i++) {
            ids[i] = UUID.randomUUID();
        }
        copy.copyIn("""
                copy loan_account (id, customer_id, product_code, principal, annual_rate, term_months, method, start_date,
                                   funding_partner, disbursement_id, status, outstanding_principal, opened_at, grace_days,
                                   penalty_markup, schedule_version, accrued_through, principal_repaid,
                                   servicing_rate)
                from stdin with (format csv)""", rows(loans, i -> {
            Schedule schedule = byAge.get(1 + i % 89);
            BigDecimal repaid = behind(i) ? BigDecimal.ZERO : paidPrincipal(schedule, today);
            return ids[i] + "," + UUID.randomUUID() + ",CASH_LOAN_STANDARD,1000.00,0.146,3,EQUAL_INSTALLMENT,"
                    + today.minusDays(1 + i % 89) + "," + PARTNERS[i % 3] + ",bench-" + ids[i] + ",ACTIVE,"
                    + PRINCIPAL.subtract(repaid) + ",2026-01-01T00:00:00Z,3,1.5,1," + yesterday + "," + repaid + ","
                    + RATE + "\n";
        }));
        copy.copyIn("copy schedule_version (loan_id, version, reason, created_at) from stdin with (format csv)",
                rows(loans, i -> ids[i] + ",1,initial schedule,2026-01-01T00:00:00Z\n"));
        copy.copyIn("""
                copy installment (loan_id, schedule_version, period, due_date, principal, interest, total,
                                  remaining_principal, state, period_start, interest_accrued, principal_paid,
                                  interest_paid, paid_on)
                from stdin with (format csv)""", rows(loans, i -> {
            Schedule schedule = byAge.get(1 + i % 89);
            StringBuilder lines = new StringBuilder();
            LocalDate periodStart = today.minusDays(1 + i % 89);
            for (Installment installment : schedule.installments()) {
                LocalDate due = installment.dueDate();
                boolean fellDue = !due.isAfter(today);
                boolean paid = fellDue && !behind(i);
                String state = paid ? "PAID" : !fellDue ? "NOT_DUE"
                        : due.plusDays(3).isBefore(today) ? "OVERDUE" : "DUE";
                BigDecimal accrued = fellDue ? installment.interest() : accruedThrough(installment.interest(),
                        periodStart, due, yesterday);
                lines.append(ids[i]).append(",1,").append(installment.period()).append(',').append(due).append(',')
                        .append(installment.principal()).append(',').append(installment.interest()).append(',')
                        .append(installment.total()).append(',').append(installment.remainingPrincipal()).append(',')
                        .append(state).append(',').append(periodStart).append(',').append(accrued).append(',')
                        .append(paid ? installment.principal() : "0.00").append(',')
                        .append(paid ? installment.interest() : "0.00").append(',').append(paid ? due.toString() : "")
                        .append('\n');
                periodStart = due;
            }
            return lines.toString();
        }));
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze loan_account");
            statement.execute("analyze installment");
        }
    }

    /** 3% of loans have not paid what fell due. */
    private static boolean behind(int i) {
        return i % 100 < 3;
    }

    private static BigDecimal paidPrincipal(Schedule schedule, LocalDate today) {
        return schedule.installments().stream().filter(installment -> !installment.dueDate().isAfter(today))
                .map(Installment::principal).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    /** What end of day's straight-line accrual has recognised by the end of {@code day}. */
    private static BigDecimal accruedThrough(BigDecimal interest, LocalDate start, LocalDate due, LocalDate day) {
        long days = due.toEpochDay() - start.toEpochDay();
        long elapsed = Math.max(0, Math.min(day.toEpochDay() - start.toEpochDay() + 1, days));
        return interest.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }

    /** CSV rows produced as COPY reads them, so a million loans never sit in memory as text. */
    private static Reader rows(int count, IntFunction<String> row) {
        return new Reader() {
            private int next;
            private String current = "";
            private int position;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (position == current.length()) {
                    if (next == count) {
                        return -1;
                    }
                    StringBuilder chunk = new StringBuilder();
                    for (int i = 0; i < 1_000 && next < count; i++) {
                        chunk.append(row.apply(next++));
                    }
                    current = chunk.toString();
                    position = 0;
                }
                int n = Math.min(length, current.length() - position);
                current.getChars(position, position + n, buffer, offset);
                position += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private static void record(int loans, int batchSize, Duration took, double perSecond, EodRun run,
                               Duration seeding) throws IOException {
        Path file = Path.of(System.getProperty("benchmarks.output", "docs/benchmarks.md"));
        Runtime runtime = Runtime.getRuntime();
        String section = String.format(Locale.ROOT, """
                        ## End of day (core-ledger-service)

                        Goal: 1,000,000 active loans accrued and classified in under 5 minutes on a 2-core machine.

                        | loans | time | loans / s | batches × size | result |
                        |---:|---:|---:|---:|---|
                        | %,d | %.1f s | %,.0f | %d × %,d | %s |

                        Measured %s on %d cores, %,d MB max heap, JDK %s, embedded PostgreSQL 17 with its default
                        settings and a real Kafka broker in the same JVM (seeding by COPY took %.1f s, not counted).
                        The book: 1,000.00 at 14.6%% over 3 months, opened on each of the last 89 days, 3%% of loans
                        behind (due or overdue, accruing penalty), three funding partners.
                        Command: `./mvnw -q -pl benchmarks -am install -DskipTests && ./mvnw -q -pl benchmarks org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dloans=%d`
                        """, loans, took.toMillis() / 1000.0, perSecond, run.batches(), batchSize, run.status(),
                LocalDate.now(), runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024),
                System.getProperty("java.version"), seeding.toMillis() / 1000.0, loans);
        String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\nEach figure with the machine and the command that reproduces it.\n\n";
        int from = existing.indexOf("## End of day (core-ledger-service)");
        if (from >= 0) {
            int to = existing.indexOf("\n## ", from + 3);
            existing = existing.substring(0, from) + (to < 0 ? "" : existing.substring(to + 1));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, existing.stripTrailing() + "\n\n" + section);
    }
}
