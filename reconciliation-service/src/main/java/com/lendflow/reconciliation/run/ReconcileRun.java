package com.lendflow.reconciliation.run;

import com.lendflow.reconciliation.matching.Matcher;
import com.lendflow.reconciliation.matching.Reconciliation;
import com.lendflow.reconciliation.matching.Staging;
import com.lendflow.reconciliation.statement.BadStatement;
import com.lendflow.reconciliation.statement.Source;
import com.lendflow.reconciliation.statement.StatementNotReady;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One run: every file of the reconciliation is downloaded and staged at once (each whole or not at all), then
 * matched in the database. A late file leaves the run WAITING, a bad one REJECTED with the reason; either
 * way nothing of the attempt is kept and it is tried again by the schedule.
 */
@Component
class ReconcileRun {

    private static final Logger log = LoggerFactory.getLogger(ReconcileRun.class);

    private final Runs runs;
    private final Staging staging;
    private final Matcher matcher;
    private final JdbcClient jdbc;

    ReconcileRun(Runs runs, Staging staging, Matcher matcher, JdbcClient jdbc) {
        this.runs = runs;
        this.staging = staging;
        this.matcher = matcher;
        this.jdbc = jdbc;
    }

    /**
     * Downloads and stages every file of the run at once, each on its own thread and connection: the files
     * come from different parties, and while one waits on the network another is parsed. The first failure
     * (a late or bad file) is the run's; the other files finish or fail on their own and are cleared with it.
     */
    private void loadAll(UUID id, Reconciliation reconciliation, Runs.Run run) {
        List<Source> sources = reconciliation.sources();
        AtomicLongArray read = new AtomicLongArray(sources.size());
        List<Future<?>> loads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(sources.size(),
                Thread.ofPlatform().name("reconciliation-load-", 0).factory())) {
            for (int i = 0; i < sources.size(); i++) {
                int index = i;
                Source source = sources.get(i);
                loads.add(pool.submit(() -> {
                    long records = staging.load(id, reconciliation, run.party(), source, run.businessDate(), n -> {
                        read.set(index, n);
                        progress(id, reconciliation, sources, read);
                    }).records();
                    read.set(index, records);
                    progress(id, reconciliation, sources, read);
                }));
            }
            RuntimeException first = null;
            for (Future<?> load : loads) {
                try {
                    load.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading the files", e);
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private void progress(UUID id, Reconciliation reconciliation, List<Source> sources, AtomicLongArray read) {
        long ours = 0;
        long theirs = 0;
        for (int i = 0; i < sources.size(); i++) {
            if (reconciliation.side(sources.get(i)) == 'O') {
                ours += read.get(i);
            } else {
                theirs += read.get(i);
            }
        }
        runs.progress(id, ours, theirs);
    }

    Runs.Run execute(Runs.Run run) {
        UUID id = run.id();
        Reconciliation reconciliation = Reconciliation.valueOf(run.reconciliation());
        long started = System.nanoTime();
        try {
            staging.clear(id);
            loadAll(id, reconciliation, run);
            Matcher.Counts counts = matcher.match(id, run.businessDate(), reconciliation, run.party());
            record Sum(String side, long rows, BigDecimal total) {
            }
            // Payouts are staged twice in INTERNAL (against the drawdown and the ledger); the totals count them once.
            var sums = jdbc.sql("""
                    select side, count(*) rows, coalesce(sum(amount), 0) total from staged_record
                     where run_id = ? and not (side = 'T' and leg = 'DRAWDOWN') group by side
                    """).param(id).query(Sum.class).list();
            Sum ours = sums.stream().filter(s -> s.side().equals("O")).findFirst().orElse(new Sum("O", 0, BigDecimal.ZERO));
            Sum theirs = sums.stream().filter(s -> s.side().equals("T")).findFirst().orElse(new Sum("T", 0, BigDecimal.ZERO));
            staging.clear(id);
            runs.finished(id, ours.rows(), ours.total(), theirs.rows(), theirs.total(), counts);
            log.info("reconciliation {} {} for {}: {} ours, {} theirs, {} matched, {} broken, {} pending, {} alerts in {} ms",
                    reconciliation, run.party(), run.businessDate(), ours.rows(), theirs.rows(), counts.matched(),
                    counts.broken(), counts.pending(), counts.alerts(), (System.nanoTime() - started) / 1_000_000);
        } catch (StatementNotReady late) {
            staging.clear(id);
            log.info("reconciliation {} {} for {} waits: {}", reconciliation, run.party(), run.businessDate(), late.getMessage());
            return runs.retryLater(id, "WAITING", late.getMessage());
        } catch (BadStatement bad) {
            staging.clear(id);
            log.warn("reconciliation {} {} for {}: file rejected: {}", reconciliation, run.party(), run.businessDate(),
                    bad.getMessage());
            return runs.retryLater(id, "REJECTED", bad.getMessage());
        } catch (RuntimeException e) {
            log.error("reconciliation {} {} for {} failed; it is tried again later", reconciliation, run.party(),
                    run.businessDate(), e);
            staging.clear(id);
            String cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage();
            return runs.retryLater(id, "WAITING", "failed: " + (cause == null ? e.getClass().getSimpleName()
                    : cause.length() > 500 ? cause.substring(0, 500) + "..." : cause));
        }
        return runs.find(id).orElseThrow();
    }
}
