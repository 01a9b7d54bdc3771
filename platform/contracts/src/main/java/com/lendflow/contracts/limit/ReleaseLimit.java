package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to limit-service: compensate a failed drawdown by releasing its reservation (nothing
 * happens if none is held). Answered by {@link LimitReleased}. Once per drawdown.
 */
public record ReleaseLimit(UUID drawdownId, UUID customerId, String reason) {

    public static final MessageType<ReleaseLimit> TYPE = MessageType.of("ReleaseLimit", 1, ReleaseLimit.class);
}
