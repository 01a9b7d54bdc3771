package com.lendflow.antifraud.drawdown;

import com.lendflow.antifraud.assessment.FiredRuleView;
import com.lendflow.antifraud.rules.Result;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One drawdown's assessment, with every fired rule and what the rules saw, for explaining it. */
@RestController
class DrawdownAssessmentOpsController {

    private final DrawdownAssessments assessments;

    DrawdownAssessmentOpsController(DrawdownAssessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/ops/v1/antifraud/drawdown-assessments/{drawdownId}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    DrawdownAssessmentView assessment(@PathVariable UUID drawdownId) {
        return assessments.findByDrawdown(drawdownId).map(DrawdownAssessmentView::of)
                .orElseThrow(() -> ApiProblem.notFound("Drawdown assessment", drawdownId));
    }

    record DrawdownAssessmentView(UUID assessmentId, UUID drawdownId, UUID customerId, UUID cardId, String amount,
                                  Result result, int score, List<FiredRuleView> firedRules, Map<String, Object> inputs,
                                  Map<String, Long> ruleVersions, Instant requestedAt, Instant assessedAt) {

        static DrawdownAssessmentView of(DrawdownAssessment a) {
            return new DrawdownAssessmentView(a.id(), a.drawdownId(), a.customerId(), a.cardId(),
                    a.amount() == null ? null : Amounts.text(a.amount()), a.result(), a.score(), a.firedRules(), a.inputs(),
                    a.ruleVersions(), a.requestedAt(), a.assessedAt());
        }
    }
}
