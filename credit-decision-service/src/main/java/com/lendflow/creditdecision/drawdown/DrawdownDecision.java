package com.lendflow.creditdecision.drawdown;

import com.lendflow.contracts.creditdecision.DrawdownDecided;
import com.lendflow.creditdecision.decision.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decision on one drawdown, with what explains it: the amount and term asked for, the
 * credit-line decision whose limit bounded it, the inputs (bureau summary when a report was read;
 * no identity), the scorecard version whose knock-outs judged the report, and the reasons.
 * {@code amount} is null only when the command's amount was not an amount.
 */
record DrawdownDecision(UUID id, UUID drawdownId, UUID customerId, Outcome outcome, String reasonCode,
                        List<String> reasons, BigDecimal amount, int termMonths, UUID creditDecisionId,
                        BigDecimal decidedLimit, Map<String, Object> inputs, Integer scorecardVersion, Instant decidedAt) {

    DrawdownDecided decided() {
        return new DrawdownDecided(drawdownId, outcome.name(), reasonCode, reasons);
    }
}
