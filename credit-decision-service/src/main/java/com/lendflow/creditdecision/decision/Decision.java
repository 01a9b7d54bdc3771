package com.lendflow.creditdecision.decision;

import com.lendflow.contracts.creditdecision.CreditRiskDecided;
import com.lendflow.creditdecision.scorecard.Grade;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decision on one application, with what explains it: the inputs (bureau summary, anti-fraud
 * result and score, applicant's age; no identity), the points per characteristic, the versions of
 * the scorecard and grade table (0: none used), and the reasons for staff.
 */
record Decision(UUID id, UUID applicationId, UUID customerId, Outcome outcome, Integer score, Grade grade,
                BigDecimal creditLimit, BigDecimal annualRate, String reasonCode, List<String> reasons,
                Map<String, Object> inputs, Map<String, Integer> points, int scorecardVersion, int gradeTableVersion,
                Instant decidedAt) {

    CreditRiskDecided decided() {
        return new CreditRiskDecided(applicationId, id, outcome.name(), grade == null ? null : grade.name(),
                creditLimit == null ? null : Amounts.text(creditLimit), annualRate == null ? null : rate(annualRate),
                reasonCode, reasons, scorecardVersion, gradeTableVersion);
    }

    /** {@code 0.073000} → {@code "0.073"}. */
    static String rate(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString();
    }
}
