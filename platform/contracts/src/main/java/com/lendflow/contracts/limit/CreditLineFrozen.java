package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The line is frozen (or already was); {@code code} and {@code reason} of the freeze that holds.
 */
public record CreditLineFrozen(String requestId, UUID customerId, String code, String reason) {

    public static final MessageType<CreditLineFrozen> TYPE = MessageType.of("CreditLineFrozen", 1, CreditLineFrozen.class);
}
