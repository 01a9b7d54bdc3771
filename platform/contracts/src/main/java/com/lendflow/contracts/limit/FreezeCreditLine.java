package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to limit-service: freeze the customer's line so it refuses new drawdowns (LINE_FROZEN) until
 * unfrozen. {@code code} says why for machines (OVERDUE, BUREAU_DELINQUENCY, FRAUD_SIGNAL, DEBT_RELIEF,
 * OPS), {@code reason} for staff. Once per {@code requestId}; answered by {@link CreditLineFrozen}.
 */
public record FreezeCreditLine(String requestId, UUID customerId, String code, String reason, String requestedBy) {

    public static final MessageType<FreezeCreditLine> TYPE = MessageType.of("FreezeCreditLine", 1, FreezeCreditLine.class);
}
