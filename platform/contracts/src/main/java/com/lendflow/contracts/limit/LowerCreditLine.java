package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to limit-service: lower the customer's limit to {@code newLimit} (two-decimal string), never
 * below what is occupied and reserved. Once per {@code requestId}; answered by {@link CreditLineLowered}.
 */
public record LowerCreditLine(String requestId, UUID customerId, String newLimit, String code, String reason, String requestedBy) {

    public static final MessageType<LowerCreditLine> TYPE = MessageType.of("LowerCreditLine", 1, LowerCreditLine.class);
}
