package com.lendflow.creditdecision.drawdown;

import com.lendflow.creditdecision.decision.Outcome;
import com.lendflow.creditdecision.report.CreditReports;
import com.lendflow.creditdecision.report.ReportRead;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One drawdown's decision, explained: the amount against the credit-line decision's limit, the
 * bureau summary and every credit-report read it made. It shows credit-report data, so it is for
 * risk analysts, supervisors and administrators, like the credit-line decisions.
 */
@RestController
class DrawdownDecisionOpsController {

    private final DrawdownDecisions decisions;
    private final CreditReports reports;

    DrawdownDecisionOpsController(DrawdownDecisions decisions, CreditReports reports) {
        this.decisions = decisions;
        this.reports = reports;
    }

    @GetMapping("/ops/v1/credit-decision/drawdowns/{drawdownId}")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    DrawdownDecisionView decision(@PathVariable UUID drawdownId) {
        DrawdownDecision decision = decisions.findByDrawdown(drawdownId)
                .orElseThrow(() -> ApiProblem.notFound("Drawdown decision", drawdownId));
        return DrawdownDecisionView.of(decision, reports.readsForDrawdown(drawdownId));
    }

    record DrawdownDecisionView(UUID decisionId, UUID drawdownId, UUID customerId, Outcome outcome, String reasonCode,
                                List<String> reasons, String amount, int termMonths, UUID creditDecisionId,
                                String decidedLimit, Map<String, Object> inputs, Integer scorecardVersion,
                                Instant decidedAt, List<ReportRead> reportReads) {

        static DrawdownDecisionView of(DrawdownDecision d, List<ReportRead> reads) {
            return new DrawdownDecisionView(d.id(), d.drawdownId(), d.customerId(), d.outcome(), d.reasonCode(), d.reasons(),
                    text(d.amount()), d.termMonths(), d.creditDecisionId(), text(d.decidedLimit()), d.inputs(),
                    d.scorecardVersion(), d.decidedAt(), reads);
        }

        private static String text(BigDecimal amount) {
            return amount == null ? null : Amounts.text(amount);
        }
    }
}
