package com.lendflow.collection.postloan.earlywarning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A rule that fired for a customer in one episode, and where its action on the line stands:
 * SENT (command on its way) → IN_FORCE (limit-service answered) → UNFREEZE_SENT → LIFTED; a lowering or a
 * withheld unfreeze ends as ENDED. {@code open} while the episode lasts, so the rule does not fire twice.
 */
record EarlyWarning(UUID id, UUID customerId, String ruleCode, int episode, String triggerKind, String action,
                    String limitCode, Integer daysPastDue, UUID loanId, String detail, String state, boolean open,
                    String requestId, Instant raisedAt) {

    static final String SENT = "SENT";
    static final String IN_FORCE = "IN_FORCE";
    static final String UNFREEZE_SENT = "UNFREEZE_SENT";
    static final String LIFTED = "LIFTED";
    static final String ENDED = "ENDED";

    /**
     * The request id of the command a rule sends for a customer in an episode: the same however often it is
     * worked out, so a command sent again is the same command to limit-service.
     */
    static String requestIdOf(UUID customerId, String ruleCode, int episode) {
        return UUID.nameUUIDFromBytes(("early-warning:" + customerId + ":" + ruleCode + ":" + episode)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The request id of the unfreeze that lifts this warning's freeze. */
    String unfreezeRequestId() {
        return UUID.nameUUIDFromBytes(("early-warning-unfreeze:" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    boolean freezeHolds() {
        return EarlyWarningRule.FREEZE.equals(action) && (SENT.equals(state) || IN_FORCE.equals(state));
    }

    boolean onDaysPastDue() {
        return EarlyWarningRule.DPD.equals(triggerKind);
    }
}
