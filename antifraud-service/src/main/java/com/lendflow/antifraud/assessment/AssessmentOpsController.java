package com.lendflow.antifraud.assessment;

import com.lendflow.antifraud.rules.Result;
import com.lendflow.platform.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One application's assessment, with every fired rule and what the rules saw, for explaining it. */
@RestController
class AssessmentOpsController {

    private final Assessments assessments;

    AssessmentOpsController(Assessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/ops/v1/antifraud/assessments/{applicationId}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    AssessmentView assessment(@PathVariable UUID applicationId) {
        return assessments.findByApplication(applicationId).map(AssessmentView::of)
                .orElseThrow(() -> ApiProblem.notFound("Assessment", applicationId));
    }

    record AssessmentView(UUID assessmentId, UUID applicationId, UUID customerId, Result result, int score,
                          List<FiredRuleView> firedRules, Map<String, Object> inputs, Map<String, Long> ruleVersions,
                          Instant assessedAt) {

        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id(), a.applicationId(), a.customerId(), a.result(), a.score(), a.firedRules(),
                    a.inputs(), a.ruleVersions(), a.assessedAt());
        }
    }
}
