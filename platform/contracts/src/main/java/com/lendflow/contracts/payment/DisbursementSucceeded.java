package com.lendflow.contracts.payment;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * The channel confirmed the money reached the customer's card.
 */
public record DisbursementSucceeded(UUID drawdownId, String requestNo, String channel, String amount,
                                    Instant completedAt) {

    public static final MessageType<DisbursementSucceeded> TYPE = MessageType.of("DisbursementSucceeded", 1, DisbursementSucceeded.class);
}
