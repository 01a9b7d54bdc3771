package com.lendflow.loanorder.drawdown;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs a drawdown's outside calls once its transaction committed, on virtual threads: the
 * contract preparation and the customer's SMS. Whatever is lost here (a crash before it ran) is
 * picked up by the sweeper for the preparation; an SMS is best effort.
 */
@Component
class BackgroundWork implements DrawdownSaga.AfterCommit, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("drawdown-after-commit-", 0).factory());
    private final ObjectProvider<ContractPreparation> preparation;
    private final ObjectProvider<CustomerNotifier> notifier;

    BackgroundWork(ObjectProvider<ContractPreparation> preparation, ObjectProvider<CustomerNotifier> notifier) {
        this.preparation = preparation;
        this.notifier = notifier;
    }

    @Override
    public void prepare(UUID drawdownId) {
        DrawdownSaga.AfterCommit.run(() -> submit(() -> preparation.getObject().prepare(drawdownId)));
    }

    @Override
    public void notifyCustomer(UUID drawdownId) {
        DrawdownSaga.AfterCommit.run(() -> submit(() -> notifier.getObject().notify(drawdownId)));
    }

    private void submit(Runnable work) {
        try {
            threads.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("after-commit drawdown work failed: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            log.info("shutting down; the sweeper picks up what was not done");
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
