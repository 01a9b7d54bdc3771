package com.lendflow.collection.strategy;

import com.lendflow.collection.CollectionSettings;
import com.lendflow.collection.outreach.Outreach;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background worker: runs requested daily runs one at a time, then makes the contacts whose
 * quiet hours have ended. Runs are taken with SKIP LOCKED, so several instances share them.
 */
@Component
class RunWorker {

    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

    private final CollectionRuns runs;
    private final DailyRun dailyRun;
    private final Outreach outreach;
    private final CollectionSettings settings;

    RunWorker(CollectionRuns runs, DailyRun dailyRun, Outreach outreach, CollectionSettings settings) {
        this.runs = runs;
        this.dailyRun = dailyRun;
        this.outreach = outreach;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${lendflow.collection.worker.poll-interval:2s}",
            initialDelayString = "${lendflow.collection.worker.poll-interval:2s}")
    void tick() {
        if (!settings.worker().enabled()) {
            return;
        }
        try {
            Optional<LocalDate> date;
            while ((date = runs.claim()).isPresent()) {
                runs.finish(date.get(), dailyRun.run(date.get()));
            }
            outreach.makeWaitingContacts(settings.worker().batchSize());
        } catch (RuntimeException e) {
            log.error("the collection worker failed; it tries again in {}", settings.worker().pollInterval(), e);
        }
    }
}
