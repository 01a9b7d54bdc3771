package com.lendflow.contracts.funding;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The drawdown's reservation is used.
 */
public record FundingConfirmed(UUID drawdownId, String partnerId, String amount) {

    public static final MessageType<FundingConfirmed> TYPE = MessageType.of("FundingConfirmed", 1, FundingConfirmed.class);
}
