package com.lendflow.platform.web.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs {@link IdempotentRequests#forgetOlderThan} on one background thread while the service runs. */
class IdempotencyHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyHousekeeping.class);

    private final IdempotentRequests requests;
    private final Duration retention;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    IdempotencyHousekeeping(IdempotentRequests requests, Duration retention, Duration every) {
        this.requests = requests;
        this.retention = retention;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("idempotency-housekeeping").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            int forgotten = requests.forgetOlderThan(retention);
            if (forgotten > 0) {
                log.info("forgot {} idempotency key(s) older than {}", forgotten, retention);
            }
        } catch (RuntimeException e) {
            log.warn("idempotency housekeeping failed, retrying in {}: {}", every, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
