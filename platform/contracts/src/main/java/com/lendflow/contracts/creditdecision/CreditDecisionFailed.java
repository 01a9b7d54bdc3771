package com.lendflow.contracts.creditdecision;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The application could not be decided (for example no authorisation on file, or the bureau stayed
 * unavailable); {@code code} is for machines, {@code reason} for staff. Not a rejection of the
 * customer.
 */
public record CreditDecisionFailed(UUID applicationId, String code, String reason) {

    public static final MessageType<CreditDecisionFailed> TYPE =
            MessageType.of("CreditDecisionFailed", 1, CreditDecisionFailed.class);
}
