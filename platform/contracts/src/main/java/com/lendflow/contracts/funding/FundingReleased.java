package com.lendflow.contracts.funding;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The drawdown's reservation is released.
 */
public record FundingReleased(UUID drawdownId, String partnerId, String amount) {

    public static final MessageType<FundingReleased> TYPE = MessageType.of("FundingReleased", 1, FundingReleased.class);
}
