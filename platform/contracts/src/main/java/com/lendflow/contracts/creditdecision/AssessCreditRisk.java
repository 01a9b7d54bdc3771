package com.lendflow.contracts.creditdecision;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * Command to credit-decision-service: decide a credit-line application. It queries the credit
 * bureau under the given {@code authorisation} (refusing to query without one), scores the
 * bureau data with the anti-fraud result and the application, and answers with
 * {@link CreditRiskDecided} or {@link CreditDecisionFailed}, keyed by application id. The same
 * application is decided once however often the command arrives. Carries identity for the bureau
 * query; {@link #toString()} never prints it.
 */
public record AssessCreditRisk(UUID applicationId, UUID customerId, String fullName, String idNumber, String mobile,
                               BureauAuthorisation authorisation, String fraudResult, int fraudScore,
                               Instant appliedAt) {

    public static final MessageType<AssessCreditRisk> TYPE =
            MessageType.of("AssessCreditRisk", 1, AssessCreditRisk.class);

    @Override
    public String toString() {
        return "AssessCreditRisk[applicationId=" + applicationId + ", customerId=" + customerId + ", fraudResult="
                + fraudResult + ", fraudScore=" + fraudScore + ", appliedAt=" + appliedAt + "]";
    }
}
