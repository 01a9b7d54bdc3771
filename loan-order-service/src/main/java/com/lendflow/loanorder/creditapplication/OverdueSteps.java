package com.lendflow.loanorder.creditapplication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds steps whose reply is overdue and lets each application decide: send the step's command
 * again, or fail with STEP_TIMEOUT after the last attempt. Overdue rows are locked with SKIP
 * LOCKED, a batch per transaction, so any number of instances can sweep at once and none waits
 * on a row a reply is moving. Because deadlines live in the database, a restart simply picks up
 * whatever fell due while the service was down.
 */
@Component
class OverdueSteps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueSteps.class);

    private final CreditApplications applications;
    private final CreditApplicationSaga saga;
    private final TransactionTemplate transactions;
    private final CreditApplicationSettings settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    OverdueSteps(CreditApplications applications, CreditApplicationSaga saga, PlatformTransactionManager transactionManager,
                 CreditApplicationSettings settings, Clock clock) {
        this.applications = applications;
        this.saga = saga;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Handles everything overdue now, a batch per transaction.
     *
     * @return applications handled
     */
    int sweep() {
        int handled = 0;
        int batch;
        do {
            Integer inBatch = transactions.execute(status -> sweepBatch());
            batch = inBatch == null ? 0 : inBatch;
            handled += batch;
        } while (batch == settings.sweepBatchSize());
        return handled;
    }

    private int sweepBatch() {
        Instant now = clock.instant();
        List<CreditApplication> overdue = applications.lockOverdue(now, settings.sweepBatchSize());
        for (CreditApplication application : overdue) {
            saga.follow(application, application.stepOverdue(now, settings), now);
        }
        return overdue.size();
    }

    private void sweepQuietly() {
        try {
            int handled = sweep();
            if (handled > 0) {
                log.info("handled {} credit application(s) with an overdue step", handled);
            }
        } catch (RuntimeException e) {
            log.warn("sweeping overdue credit-application steps failed, retrying in {}: {}", settings.sweepInterval(),
                    e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("credit-application-timeouts").daemon(true).factory());
        long every = settings.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                // A batch in flight gets a moment to commit; an interrupted one rolls back and is swept again.
                if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
