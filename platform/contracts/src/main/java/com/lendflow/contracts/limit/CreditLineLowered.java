package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The limit moved from {@code fromLimit} to {@code toLimit} (two-decimal strings); {@code toLimit} may
 * be above the requested limit when occupied and reserved amounts are above it.
 */
public record CreditLineLowered(String requestId, UUID customerId, String fromLimit, String toLimit, String reason) {

    public static final MessageType<CreditLineLowered> TYPE = MessageType.of("CreditLineLowered", 1, CreditLineLowered.class);
}
