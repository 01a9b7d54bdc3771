package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to limit-service: lift a freeze. Once per {@code requestId}; answered by {@link CreditLineUnfrozen}.
 */
public record UnfreezeCreditLine(String requestId, UUID customerId, String reason, String requestedBy) {

    public static final MessageType<UnfreezeCreditLine> TYPE = MessageType.of("UnfreezeCreditLine", 1, UnfreezeCreditLine.class);
}
