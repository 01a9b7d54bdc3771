package com.lendflow.contracts.antifraud;

import com.lendflow.contracts.MessageType;
import java.util.List;
import java.util.UUID;

/**
 * antifraud-service assessed an application. {@code result} is PASS, REVIEW or REJECT; a REVIEW
 * is not final: the application waits in the manual-review queue until staff conclude it, which
 * publishes {@link FraudReviewConcluded}. {@code firedRules} names every rule that fired.
 */
public record FraudRiskAssessed(UUID applicationId, UUID assessmentId, String result, int score,
                                List<String> firedRules) {

    public static final MessageType<FraudRiskAssessed> TYPE =
            MessageType.of("FraudRiskAssessed", 1, FraudRiskAssessed.class);

    public FraudRiskAssessed {
        firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
    }
}
