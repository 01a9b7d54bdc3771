package com.lendflow.contracts.funding;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to funding-service: compensate a failed drawdown by releasing its reservation (nothing
 * happens if none is held). Answered by {@link FundingReleased}.
 */
public record ReleaseFunding(UUID drawdownId, String reason) {

    public static final MessageType<ReleaseFunding> TYPE = MessageType.of("ReleaseFunding", 1, ReleaseFunding.class);
}
