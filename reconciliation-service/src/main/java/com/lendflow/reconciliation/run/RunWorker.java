package com.lendflow.reconciliation.run;

import com.lendflow.reconciliation.ReconciliationSettings;
import com.lendflow.reconciliation.matching.Reconciliation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the runs: every day by the configured cron, the day before's runs of every reconciliation and
 * party (and the day before that's again where breaks are still open); and, every poll interval, whatever
 * run is queued or due for a retry, one at a time, taken with SKIP LOCKED so instances share the work.
 */
@Component
class RunWorker {

    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);
    static final String SCHEDULER = "schedule";

    private final Runs runs;
    private final ReconcileRun reconcile;
    private final ReconciliationSettings settings;
    private final Clock clock;

    RunWorker(Runs runs, ReconcileRun reconcile, ReconciliationSettings settings, Clock clock) {
        this.runs = runs;
        this.reconcile = reconcile;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${lendflow.reconciliation.schedule:0 30 3 * * *}", zone = "${lendflow.reconciliation.zone:Asia/Shanghai}")
    void daily() {
        startDay(LocalDate.now(clock.withZone(settings.zone())).minusDays(1));
    }

    /** Queues every run of {@code date}, and runs again those of the day before that still have unresolved breaks. */
    void startDay(LocalDate date) {
        int rechecked = runs.recheck(date.minusDays(1), SCHEDULER);
        for (Reconciliation reconciliation : Reconciliation.values()) {
            for (String party : runs.parties(reconciliation)) {
                runs.request(date, reconciliation, party, SCHEDULER, "scheduled D+1 run");
            }
        }
        log.info("reconciliation runs of {} queued; {} runs of {} rechecked for open breaks", date, rechecked, date.minusDays(1));
    }

    @Scheduled(fixedDelayString = "${lendflow.reconciliation.worker.poll-interval:2s}",
            initialDelayString = "${lendflow.reconciliation.worker.poll-interval:2s}")
    void tick() {
        if (!settings.worker().enabled()) {
            return;
        }
        try {
            Optional<Runs.Run> run;
            while ((run = runs.claim()).isPresent()) {
                reconcile.execute(run.get());
            }
        } catch (RuntimeException e) {
            log.error("the reconciliation worker failed; it tries again in {}", settings.worker().pollInterval(), e);
        }
    }
}
