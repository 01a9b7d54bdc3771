package com.lendflow.collection.postloan.earlywarning;

import com.lendflow.collection.postloan.ActingStaff;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Early warnings for ops: a customer's warnings with every action taken, and the rule table. Everyone on ops
 * may read; supervisors, risk analysts and administrators change a rule, with a reason, audited.
 * Unfreezing a line is limit-service's ops API, not this one.
 */
@RestController
class EarlyWarningOpsController {

    private final EarlyWarnings warnings;
    private final EarlyWarningRules rules;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final Clock clock;

    EarlyWarningOpsController(EarlyWarnings warnings, EarlyWarningRules rules, AuditTrail audit, AuditActorSource actors,
                              Clock clock) {
        this.warnings = warnings;
        this.rules = rules;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/ops/v1/early-warnings")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    List<EarlyWarningView> warnings(@RequestParam(name = "customerId") UUID customerId) {
        return warnings.viewsOf(customerId);
    }

    @GetMapping("/ops/v1/early-warning-rules")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    List<EarlyWarningRule> rules() {
        return rules.all();
    }

    @PutMapping("/ops/v1/early-warning-rules/{code}")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    @Transactional
    public EarlyWarningRule change(@PathVariable String code, @Valid @RequestBody ChangeRuleRequest request) {
        EarlyWarningRule before = rules.find(code).orElseThrow(() -> ApiProblem.notFound("Early-warning rule", code));
        if (before.onDaysPastDue() && request.minDpd() == null) {
            throw new InvalidRequest(List.of(new FieldViolation("minDpd", "NotNull",
                    "a days-past-due rule needs its threshold (days past due at which it fires)")));
        }
        if (!before.onDaysPastDue() && request.minDpd() != null) {
            throw new InvalidRequest(List.of(new FieldViolation("minDpd", "not-applicable",
                    "rule " + code + " fires on a " + before.triggerKind() + " signal, not on days past due")));
        }
        if (before.version() != request.version()
                || !rules.update(code, request.enabled(), request.minDpd(), request.version(), ActingStaff.name(actors),
                clock.instant())) {
            throw ApiProblem.conflict("stale-version", "rule " + code + " is at version " + before.version() + ", not "
                    + request.version() + "; someone changed it since you read it: reload and apply your change again");
        }
        EarlyWarningRule after = rules.find(code).orElseThrow();
        audit.record(new AuditEntry("early-warning-rule.change", "early-warning-rule", code, snapshot(before),
                snapshot(after), request.reason().strip()));
        return after;
    }

    private static Map<String, Object> snapshot(EarlyWarningRule rule) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("enabled", rule.enabled());
        snapshot.put("minDpd", rule.minDpd());
        snapshot.put("version", rule.version());
        return snapshot;
    }

    /** The rule's new setting; {@code version} is the one the person read, so no change is lost silently. */
    record ChangeRuleRequest(@NotNull Boolean enabled, @Min(1) @Max(3650) Integer minDpd, @NotNull Long version,
                             @NotBlank @Size(max = 500) String reason) {
    }
}
