package com.lendflow.collection.postloan.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A warning as ops see it: which rule fired, why, what was sent to the line and what came back. */
public record EarlyWarningView(UUID id, UUID customerId, String ruleCode, int episode, String trigger, String action,
                               String limitCode, Integer daysPastDue, UUID loanId, String detail, String state, boolean open,
                               String requestId, Instant raisedAt, List<Action> actions) {

    static EarlyWarningView of(EarlyWarning w, List<Action> actions) {
        return new EarlyWarningView(w.id(), w.customerId(), w.ruleCode(), w.episode(), w.triggerKind(), w.action(),
                w.limitCode(), w.daysPastDue(), w.loanId(), w.detail(), w.state(), w.open(), w.requestId(), w.raisedAt(),
                List.copyOf(actions));
    }

    /**
     * One step: RAISED, FREEZE_SENT, LOWER_SENT, FROZEN, LOWERED, SIGNAL_REPEATED, UNFREEZE_SENT,
     * UNFREEZE_WITHHELD, UNFROZEN, ENDED.
     */
    public record Action(String kind, String requestId, String detail, Instant at) {
    }
}
