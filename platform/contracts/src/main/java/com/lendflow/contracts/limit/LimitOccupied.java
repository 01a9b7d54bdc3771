package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The drawdown's reservation is now occupied on the line.
 */
public record LimitOccupied(UUID drawdownId, UUID customerId, String amount) {

    public static final MessageType<LimitOccupied> TYPE = MessageType.of("LimitOccupied", 1, LimitOccupied.class);
}
