package com.lendflow.collection.postloan.earlywarning;

import com.lendflow.contracts.limit.CreditLineFrozen;
import com.lendflow.contracts.limit.CreditLineLowered;
import com.lendflow.contracts.limit.CreditLineUnfrozen;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What limit-service answered, recorded on the warnings: a freeze or lowering in force, and a line unfrozen —
 * by this service's request or by ops directly — which lifts every freeze of the customer's that was in
 * force (an unfreeze names no code) and ends the episodes of risk signals, so a new signal freezes again.
 * A days-past-due episode lifted by ops stays open until the loans are current: the rule does not freeze
 * again over ops' decision.
 */
@Component
class CreditLineAnswers {

    private final EarlyWarnings warnings;
    private final Delinquencies delinquencies;
    private final Clock clock;

    CreditLineAnswers(EarlyWarnings warnings, Delinquencies delinquencies, Clock clock) {
        this.warnings = warnings;
        this.delinquencies = delinquencies;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void frozen(CreditLineFrozen answer) {
        warnings.byRequestId(answer.requestId()).ifPresent(warning -> {
            Instant now = clock.instant();
            if (EarlyWarning.SENT.equals(warning.state())) {
                warnings.moveTo(warning.id(), EarlyWarning.IN_FORCE, warning.open(), now);
            }
            warnings.act(warning.id(), "FROZEN", answer.requestId(), "line frozen, " + answer.code() + ": " + answer.reason(), now);
        });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lowered(CreditLineLowered answer) {
        warnings.byRequestId(answer.requestId()).ifPresent(warning -> {
            Instant now = clock.instant();
            if (EarlyWarning.SENT.equals(warning.state())) {
                warnings.moveTo(warning.id(), EarlyWarning.IN_FORCE, warning.open(), now);
            }
            warnings.act(warning.id(), "LOWERED", answer.requestId(),
                    "limit lowered from " + answer.fromLimit() + " to " + answer.toLimit(), now);
        });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void unfrozen(CreditLineUnfrozen answer) {
        if (answer.customerId() == null) {
            return;
        }
        delinquencies.lockCustomer(answer.customerId());
        Instant now = clock.instant();
        for (EarlyWarning warning : warnings.freezesOf(answer.customerId())) {
            boolean ours = answer.requestId() != null && answer.requestId().equals(warning.unfreezeRequestId());
            // A freeze not yet answered was sent after this unfreeze was made; it still holds once limit-service acts on it.
            if (EarlyWarning.SENT.equals(warning.state()) && !ours) {
                continue;
            }
            boolean open = warning.open() && warning.onDaysPastDue();
            warnings.moveTo(warning.id(), EarlyWarning.LIFTED, open, now);
            warnings.act(warning.id(), "UNFROZEN", answer.requestId(), (ours ? "unfrozen as requested" : "unfrozen by ops")
                    + (answer.reason() == null ? "" : ": " + answer.reason()) + "; line " + answer.status(), now);
        }
    }
}
