package com.lendflow.benchmarks;

import static com.lendflow.coreledger.books.ChartOfAccounts.FUNDING_PARTNER_CLEARING;
import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.LOAN_RECEIVABLE_PRINCIPAL;
import static com.lendflow.coreledger.books.ChartOfAccounts.PAYMENT_CHANNEL_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.PENALTY_RECEIVABLE;

import com.lendflow.coreledger.CoreLedgerServiceApplication;
import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.books.PostEntry;
import com.lendflow.coreledger.books.Posting;
import com.lendflow.coreledger.books.TrialBalance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Balanced journal entries committed per second through core-ledger's real posting path
 * ({@link Books#post}: validation, the chart lookup, the entry and its lines, the idempotency key,
 * the database's deferred balance check at commit, one transaction per entry) on real PostgreSQL,
 * with core-ledger-service running as in production (its own context, Kafka broker in the JVM).
 *
 * <p>The entries, alternating: a disbursement (debit loan principal, credit funding-partner clearing,
 * two lines, for one of three funding partners) and an instalment repayment (debit the payment
 * channel, credit principal, interest and, one time in ten, penalty: three or four lines), amounts
 * from 500.00 to 50,000.00, each for a fresh loan id and event id. {@code -Dentries} (default 10,000)
 * entries are posted by 1 and then by 4 threads ({@code -Dthreads=1,4}), after 1,000 unmeasured ones
 * to warm up. At the end the trial balance over every entry ever posted to the database must be zero.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am install -DskipTests && ./mvnw -q -pl benchmarks
 * org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dbenchmark=com.lendflow.benchmarks.LedgerPostingBenchmark
 * -Dentries=10000}. test-support starts PostgreSQL with fsync and synchronous_commit off, so no commit waits
 * for the disk; {@code -Dsynchronous_commit=on} makes each commit wait for its WAL write at least.
 */
public final class LedgerPostingBenchmark {

    private static final String DATABASE = "lendflow_bench_postings";
    private static final String[] PARTNERS = {"partner-bank-a", "partner-bank-b", "partner-trust-c"};
    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    private LedgerPostingBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkService.exitOnFailure(LedgerPostingBenchmark::run);
    }

    private static void run() throws Exception {
        int entries = Integer.getInteger("entries", 10_000);
        String[] threadCounts = System.getProperty("threads", "1,4").split(",");
        ConfigurableApplicationContext ledger = BenchmarkService.start(CoreLedgerServiceApplication.class,
                CoreLedgerServiceApplication.NAME, DATABASE,
                // test-support's PostgreSQL runs with fsync and synchronous_commit off; -Dsynchronous_commit=on
                // makes each commit wait for its WAL write (still no fsync), closer to a durable setup.
                "--spring.datasource.hikari.connection-init-sql=set synchronous_commit = "
                        + System.getProperty("synchronous_commit", "off"));
        try {
            Books books = ledger.getBean(Books.class);
            String run = UUID.randomUUID().toString();
            post(books, run + ":warmup", 1_000, 1);
            List<String> figures = new ArrayList<>();
            for (String threads : threadCounts) {
                int t = Integer.parseInt(threads.trim());
                long start = System.nanoTime();
                post(books, run + ":t" + t, entries, t);
                double seconds = (System.nanoTime() - start) / 1e9;
                String figure = String.format(Locale.ROOT,
                        "ledger postings: %,d entries with %d thread(s) in %.1f s: %,.0f entries/s (%.2f ms each per thread)",
                        entries, t, seconds, entries / seconds, seconds * 1000 * t / entries);
                System.out.println(figure);
                figures.add(figure);
            }
            TrialBalance trial = books.trialBalance(null);
            System.out.printf(Locale.ROOT,
                    "ledger postings: trial balance over every entry: debits %s, credits %s, difference %s (%s)%n",
                    trial.debitTotal().toPlainString(), trial.creditTotal().toPlainString(),
                    trial.debitTotal().subtract(trial.creditTotal()).toPlainString(),
                    trial.balanced() ? "balanced" : "NOT BALANCED");
            if (!trial.balanced()) {
                System.exit(1);
            }
        } finally {
            ledger.close();
        }
        System.exit(0);
    }

    private static void post(Books books, String prefix, int entries, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(prefix.hashCode() * 31L + thread);
                    for (int i = thread; i < entries; i += threads) {
                        books.post(entry(prefix + ":" + i, i, random));
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }
    }

    private static PostEntry entry(String eventId, int i, SplittableRandom random) {
        String partner = PARTNERS[i % PARTNERS.length];
        BigDecimal principal = BigDecimal.valueOf(50_000 + random.nextLong(4_950_001), 2);
        if (i % 2 == 0) {
            return new PostEntry(DAY, "BENCHMARK_DISBURSED", eventId, UUID.randomUUID(), "benchmark disbursement",
                    List.of(Posting.debit(LOAN_RECEIVABLE_PRINCIPAL, principal).forFundingPartner(partner),
                            Posting.credit(FUNDING_PARTNER_CLEARING, principal).forFundingPartner(partner)));
        }
        BigDecimal repaid = BigDecimal.valueOf(principal.unscaledValue().longValue() / 12, 2);
        BigDecimal interest = BigDecimal.valueOf(1 + random.nextLong(repaid.unscaledValue().longValue() / 50 + 1), 2);
        BigDecimal penalty = i % 10 == 1 ? BigDecimal.valueOf(1 + random.nextLong(5_000), 2) : BigDecimal.ZERO;
        List<Posting> lines = new ArrayList<>(4);
        lines.add(Posting.debit(PAYMENT_CHANNEL_RECEIVABLE, repaid.add(interest).add(penalty)).forFundingPartner(partner));
        lines.add(Posting.credit(LOAN_RECEIVABLE_PRINCIPAL, repaid).forFundingPartner(partner));
        lines.add(Posting.credit(INTEREST_RECEIVABLE, interest).forFundingPartner(partner));
        if (penalty.signum() > 0) {
            lines.add(Posting.credit(PENALTY_RECEIVABLE, penalty).forFundingPartner(partner));
        }
        return new PostEntry(DAY, "BENCHMARK_REPAID", eventId, UUID.randomUUID(), "benchmark repayment", lines);
    }
}
