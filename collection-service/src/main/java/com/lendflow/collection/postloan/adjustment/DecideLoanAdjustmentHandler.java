package com.lendflow.collection.postloan.adjustment;

import com.lendflow.collection.postloan.ActingStaff;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.AdjustLoan;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A checker approves or rejects a requested adjustment. Approval sends AdjustLoan to core-ledger through the
 * outbox (request id = the adjustment's id, so the ledger applies it once however often it arrives); the new
 * state, its step, the command and the audit record commit together, or none of them does.
 */
@Component
class DecideLoanAdjustmentHandler {

    private final LoanAdjustments adjustments;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final Clock clock;

    DecideLoanAdjustmentHandler(LoanAdjustments adjustments, Outbox outbox, AuditTrail audit, AuditActorSource actors,
                                Clock clock) {
        this.adjustments = adjustments;
        this.outbox = outbox;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional
    public LoanAdjustmentView approve(UUID id, String reason) {
        return decide(id, reason, true);
    }

    @Transactional
    public LoanAdjustmentView reject(UUID id, String reason) {
        return decide(id, reason, false);
    }

    private LoanAdjustmentView decide(UUID id, String reason, boolean approve) {
        LoanAdjustment adjustment = adjustments.lock(id).orElseThrow(() -> ApiProblem.notFound("Loan adjustment", id));
        LoanAdjustmentView before = adjustments.view(id).orElseThrow();
        String checker = ActingStaff.name(actors);
        Instant now = clock.instant();
        if (approve) {
            AdjustLoan command = adjustment.approve(checker, reason, now);
            outbox.publish(Topics.CORE_LEDGER_COMMANDS, adjustment.loanId().toString(), AdjustLoan.TYPE, command);
        } else {
            adjustment.reject(checker, reason, now);
        }
        if (!adjustments.save(adjustment)) {
            throw new IllegalStateException("adjustment " + id + " changed while locked");
        }
        adjustments.step(id, adjustment.state(), checker, now, reason);
        LoanAdjustmentView after = adjustments.view(id).orElseThrow();
        audit.record(new AuditEntry(approve ? "loan-adjustment.approve" : "loan-adjustment.reject", "loan-adjustment",
                id.toString(), LoanAdjustmentSnapshots.of(before), LoanAdjustmentSnapshots.of(after), reason));
        return after;
    }
}
