package com.lendflow.contracts.creditdecision;

import com.lendflow.contracts.MessageType;
import java.util.List;
import java.util.UUID;

/**
 * credit-decision-service decided an application. {@code outcome} is APPROVE or REJECT. An approval
 * carries the risk {@code grade} (A–E), the {@code creditLimit} (two-decimal string, CNY) and the
 * {@code annualRate} (decimal string, e.g. "0.073"); a rejection carries a machine
 * {@code reasonCode} (for example BUREAU_SERIOUS_DELINQUENCY). {@code reasons} explain the decision
 * to staff; the scorecard and grade-table versions name exactly what produced it.
 */
public record CreditRiskDecided(UUID applicationId, UUID decisionId, String outcome, String grade, String creditLimit,
                                String annualRate, String reasonCode, List<String> reasons, int scorecardVersion,
                                int gradeTableVersion) {

    public static final MessageType<CreditRiskDecided> TYPE =
            MessageType.of("CreditRiskDecided", 1, CreditRiskDecided.class);

    public CreditRiskDecided {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
