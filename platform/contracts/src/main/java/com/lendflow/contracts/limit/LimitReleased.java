package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The drawdown's reservation is released ({@code amount} "0.00" if none was held).
 */
public record LimitReleased(UUID drawdownId, UUID customerId, String amount) {

    public static final MessageType<LimitReleased> TYPE = MessageType.of("LimitReleased", 1, LimitReleased.class);
}
