package com.lendflow.contracts.antifraud;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * Command to antifraud-service: drawdown-time checks (a device not seen for this customer, a card
 * changed recently, the velocity of drawdowns). Answered by {@link DrawdownRiskAssessed}.
 */
public record AssessDrawdownRisk(UUID drawdownId, UUID customerId, UUID cardId, String amount, ApplicantDevice device,
                                 Instant requestedAt) {

    public static final MessageType<AssessDrawdownRisk> TYPE = MessageType.of("AssessDrawdownRisk", 1, AssessDrawdownRisk.class);
}
