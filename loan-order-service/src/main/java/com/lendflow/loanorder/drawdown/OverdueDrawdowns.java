package com.lendflow.loanorder.drawdown;

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
 * Finds drawdowns whose step is overdue and lets each decide: send the command again, prepare the
 * contract again (after the batch's commit, outside it), or fail and release what it holds. The
 * payout and the loan account are asked again for as long as it takes. Rows are locked with SKIP
 * LOCKED, a batch per transaction; deadlines live in the database, so a restart resumes.
 */
@Component
class OverdueDrawdowns implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueDrawdowns.class);

    private final Drawdowns drawdowns;
    private final DrawdownSaga saga;
    private final TransactionTemplate transactions;
    private final DrawdownSettings settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    OverdueDrawdowns(Drawdowns drawdowns, DrawdownSaga saga, PlatformTransactionManager transactionManager,
                     DrawdownSettings settings, Clock clock) {
        this.drawdowns = drawdowns;
        this.saga = saga;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
    }

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
        List<Drawdown> overdue = drawdowns.lockOverdue(now, settings.sweepBatchSize());
        for (Drawdown drawdown : overdue) {
            saga.follow(drawdown, drawdown.stepOverdue(now, settings), now);
        }
        return overdue.size();
    }

    private void sweepQuietly() {
        try {
            int handled = sweep();
            if (handled > 0) {
                log.info("handled {} drawdown(s) with an overdue step", handled);
            }
        } catch (RuntimeException e) {
            log.warn("sweeping overdue drawdown steps failed, retrying in {}: {}", settings.sweepInterval(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("drawdown-timeouts").daemon(true).factory());
        long every = settings.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
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
