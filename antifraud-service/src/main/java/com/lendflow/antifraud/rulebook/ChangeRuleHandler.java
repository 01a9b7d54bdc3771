package com.lendflow.antifraud.rulebook;

import com.lendflow.antifraud.ActingStaff;
import com.lendflow.antifraud.rules.DecisionThresholds;
import com.lendflow.antifraud.rules.RuleSetting;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Changes a rule's setting or the decision thresholds, audited in the same transaction. */
@Component
class ChangeRuleHandler {

    private final Rules rules;
    private final RuleBookSource source;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final Clock clock;

    ChangeRuleHandler(Rules rules, RuleBookSource source, AuditTrail audit, AuditActorSource actors, Clock clock) {
        this.rules = rules;
        this.source = source;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional
    public RuleView handle(ChangeRule command) {
        RuleSetting wanted = new RuleSetting(command.code(), command.enabled(), command.params(), command.weight(),
                command.action(), command.expectedVersion() + 1);
        refuseIfInvalid(wanted.problems());
        Rules.Stored before = rules.find(command.code())
                .orElseThrow(() -> ApiProblem.notFound("Rule", command.code()));
        Instant now = clock.instant();
        if (before.setting().version() != command.expectedVersion()
                || !rules.update(wanted, command.expectedVersion(), ActingStaff.name(actors), now)) {
            throw stale("rule " + command.code(), before.setting().version(), command.expectedVersion());
        }
        Rules.Stored after = rules.find(command.code()).orElseThrow();
        audit.record(new AuditEntry("rule.change", "antifraud-rule", command.code().name(),
                RuleView.snapshot(before.setting()), RuleView.snapshot(after.setting()), command.reason()));
        forgetCachedBookAfterCommit();
        return RuleView.of(after);
    }

    @Transactional
    public DecisionThresholds handle(ChangeThresholds command) {
        DecisionThresholds before = rules.thresholds();
        DecisionThresholds wanted = new DecisionThresholds(command.reviewScore(), command.rejectScore(),
                command.drawdownRejectScore() != null ? command.drawdownRejectScore() : before.drawdownRejectScore(),
                command.expectedVersion() + 1);
        refuseIfInvalid(wanted.problems());
        if (before.version() != command.expectedVersion()
                || !rules.updateThresholds(wanted, command.expectedVersion(), ActingStaff.name(actors), clock.instant())) {
            throw stale("the decision thresholds", before.version(), command.expectedVersion());
        }
        DecisionThresholds after = rules.thresholds();
        audit.record(new AuditEntry("decision-thresholds.change", "antifraud-decision-thresholds", "1",
                thresholdsSnapshot(before), thresholdsSnapshot(after), command.reason()));
        forgetCachedBookAfterCommit();
        return after;
    }

    private static Map<String, Object> thresholdsSnapshot(DecisionThresholds t) {
        return Map.of("reviewScore", t.reviewScore(), "rejectScore", t.rejectScore(),
                "drawdownRejectScore", t.drawdownRejectScore(), "version", t.version());
    }

    private static void refuseIfInvalid(List<RuleSetting.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems.stream().map(p -> new FieldViolation(p.field(), p.rule(), p.message())).toList());
        }
    }

    private static ApiProblem stale(String what, long current, long expected) {
        return ApiProblem.conflict("stale-version", what + " is at version " + current + ", not " + expected
                + "; someone changed it since you read it: reload and apply your change again");
    }

    /** After commit, or another thread could cache the old book again before this change is visible. */
    private void forgetCachedBookAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                source.invalidate();
            }
        });
    }
}
