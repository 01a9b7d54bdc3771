package com.lendflow.antifraud.rulebook;

import com.lendflow.antifraud.rules.DecisionThresholds;
import com.lendflow.antifraud.rules.RuleAction;
import com.lendflow.antifraud.rules.RuleCode;
import com.lendflow.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule table and decision thresholds for ops staff. Everyone on ops may read them; only risk
 * analysts and administrators change them, each change audited with a stated reason.
 */
@RestController
@RequestMapping("/ops/v1/antifraud")
class RuleOpsController {

    private final Rules rules;
    private final ChangeRuleHandler change;

    RuleOpsController(Rules rules, ChangeRuleHandler change) {
        this.rules = rules;
        this.change = change;
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    List<RuleView> rules() {
        return Arrays.stream(RuleCode.values()).flatMap(code -> rules.find(code).stream()).map(RuleView::of).toList();
    }

    @GetMapping("/rules/{code}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    RuleView rule(@PathVariable String code) {
        return rules.find(known(code)).map(RuleView::of).orElseThrow(() -> ApiProblem.notFound("Rule", code));
    }

    @PutMapping("/rules/{code}")
    @PreAuthorize("hasAnyRole('RISK_ANALYST', 'ADMIN')")
    RuleView change(@PathVariable String code, @Valid @RequestBody ChangeRuleRequest request) {
        return change.handle(new ChangeRule(known(code), request.enabled(), request.params(), request.weight(),
                request.action(), request.version(), request.reason()));
    }

    @GetMapping("/decision-thresholds")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    DecisionThresholds thresholds() {
        return rules.thresholds();
    }

    @PutMapping("/decision-thresholds")
    @PreAuthorize("hasAnyRole('RISK_ANALYST', 'ADMIN')")
    DecisionThresholds change(@Valid @RequestBody ChangeThresholdsRequest request) {
        return change.handle(new ChangeThresholds(request.reviewScore(), request.rejectScore(),
                request.drawdownRejectScore(), request.version(), request.reason()));
    }

    private static RuleCode known(String code) {
        return RuleCode.parse(code).orElseThrow(() -> ApiProblem.notFound("Rule", code));
    }

    /** A rule's whole new setting; {@code version} is the one the person read, so no change is lost silently. */
    record ChangeRuleRequest(@NotNull Boolean enabled, @NotNull Map<String, Integer> params, @NotNull Integer weight,
                             @NotNull RuleAction action, @NotNull Long version,
                             @NotBlank @Size(max = 500) String reason) {
    }

    /** {@code drawdownRejectScore} may be left out to keep it as it is. */
    record ChangeThresholdsRequest(@NotNull Integer reviewScore, @NotNull Integer rejectScore, Integer drawdownRejectScore,
                                   @NotNull Long version, @NotBlank @Size(max = 500) String reason) {
    }
}
