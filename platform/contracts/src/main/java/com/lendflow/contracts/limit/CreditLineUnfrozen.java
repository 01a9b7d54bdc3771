package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The line is no longer frozen (or was not); {@code status} is what it is now (ACTIVE, EXPIRED, ...).
 */
public record CreditLineUnfrozen(String requestId, UUID customerId, String status, String reason) {

    public static final MessageType<CreditLineUnfrozen> TYPE = MessageType.of("CreditLineUnfrozen", 1, CreditLineUnfrozen.class);
}
