package com.lendflow.collection.strategy;

import com.lendflow.collection.casework.CaseOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A case opened on a date whose daily run has already started or finished: core-ledger's loan facts
 * and its business-day message travel on different topics, so the run can go before the facts that
 * open that day's cases. Such a case is planned for its date at once, as the run would have
 * planned it; its contacts are then made by the worker like any other pending one. Planning is
 * idempotent per case, step and date, so a run still going that also reaches the case adds nothing.
 * A case opened before its date's run starts is left to the run.
 */
@Component
class LateCases {

    private static final Logger log = LoggerFactory.getLogger(LateCases.class);

    private final CollectionRuns runs;
    private final DailyRun dailyRun;

    LateCases(CollectionRuns runs, DailyRun dailyRun) {
        this.runs = runs;
        this.dailyRun = dailyRun;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(CaseOpened opened) {
        runs.find(opened.on()).filter(run -> !"REQUESTED".equals(run.state())).ifPresent(run -> {
            try {
                int added = dailyRun.planOne(opened.caseId(), opened.on());
                log.info("collection case {} opened on {} after that day's run ({}); planned now: {} actions",
                        opened.caseId(), opened.on(), run.state(), added);
            } catch (RuntimeException e) {
                // The case is open and stored; the next daily run plans it.
                log.error("collection case {} opened on {} after that day's run could not be planned now; "
                        + "the next daily run plans it", opened.caseId(), opened.on(), e);
            }
        });
    }
}
