package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to limit-service: the drawdown was disbursed; its reservation becomes occupied. Answered by
 * {@link LimitOccupied}. Once per drawdown.
 */
public record ConfirmLimit(UUID drawdownId, UUID customerId) {

    public static final MessageType<ConfirmLimit> TYPE = MessageType.of("ConfirmLimit", 1, ConfirmLimit.class);
}
