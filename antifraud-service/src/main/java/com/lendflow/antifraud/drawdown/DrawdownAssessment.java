package com.lendflow.antifraud.drawdown;

import com.lendflow.antifraud.assessment.FiredRuleView;
import com.lendflow.antifraud.rules.Result;
import com.lendflow.contracts.antifraud.DrawdownRiskAssessed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The assessment of one drawdown, final: PASS or REJECT. It is also the customer's drawdown history
 * the next drawdown's rules read: which card it went to, when, and whether it passed. The device is
 * kept only as its blind index.
 */
record DrawdownAssessment(UUID id, UUID drawdownId, UUID customerId, UUID cardId, String deviceIndex, BigDecimal amount,
                          Result result, int score, List<FiredRuleView> firedRules, Map<String, Object> inputs,
                          Map<String, Long> ruleVersions, Instant requestedAt, Instant assessedAt) {

    DrawdownRiskAssessed assessed() {
        return new DrawdownRiskAssessed(drawdownId, result.name(), score, firedRules.stream().map(FiredRuleView::code).toList());
    }
}
