package com.lendflow.creditdecision.decision;

import com.lendflow.creditdecision.report.CreditReports;
import com.lendflow.creditdecision.report.ReportRead;
import com.lendflow.creditdecision.scorecard.Grade;
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

/**
 * One application's decision, explained: inputs, points per characteristic, the versions of the
 * scorecard and grade table that produced it, the reasons, and every credit-report read it made.
 * It shows credit-report data, so it is for risk analysts, supervisors and administrators.
 */
@RestController
class DecisionOpsController {

    private final Decisions decisions;
    private final CreditReports reports;

    DecisionOpsController(Decisions decisions, CreditReports reports) {
        this.decisions = decisions;
        this.reports = reports;
    }

    @GetMapping("/ops/v1/credit-decision/decisions/{applicationId}")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    DecisionView decision(@PathVariable UUID applicationId) {
        Decision decision = decisions.findByApplication(applicationId)
                .orElseThrow(() -> ApiProblem.notFound("Decision", applicationId));
        return DecisionView.of(decision, reports.readsForApplication(applicationId));
    }

    record DecisionView(UUID decisionId, UUID applicationId, UUID customerId, Outcome outcome, Integer score, Grade grade,
                        String creditLimit, String annualRate, String reasonCode, List<String> reasons,
                        Map<String, Object> inputs, Map<String, Integer> points, int scorecardVersion,
                        int gradeTableVersion, Instant decidedAt, List<ReportRead> reportReads) {

        static DecisionView of(Decision d, List<ReportRead> reads) {
            return new DecisionView(d.id(), d.applicationId(), d.customerId(), d.outcome(), d.score(), d.grade(),
                    d.creditLimit() == null ? null : Amounts.text(d.creditLimit()),
                    d.annualRate() == null ? null : Decision.rate(d.annualRate()), d.reasonCode(), d.reasons(), d.inputs(),
                    d.points(), d.scorecardVersion(), d.gradeTableVersion(), d.decidedAt(), reads);
        }
    }
}
