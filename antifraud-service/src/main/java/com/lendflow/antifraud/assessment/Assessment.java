package com.lendflow.antifraud.assessment;

import com.lendflow.antifraud.rules.Result;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The assessment of one application: final for PASS and REJECT; for REVIEW, staff conclude it
 * in the manual-review queue. {@code inputs} summarises the facts without personal data.
 */
record Assessment(UUID id, UUID applicationId, UUID customerId, Result result, int score, List<FiredRuleView> firedRules,
                  Map<String, Object> inputs, Map<String, Long> ruleVersions, Instant assessedAt) {

    FraudRiskAssessed assessed() {
        return new FraudRiskAssessed(applicationId, id, result.name(), score,
                firedRules.stream().map(FiredRuleView::code).toList());
    }
}
