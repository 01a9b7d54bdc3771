package com.lendflow.contracts.funding;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to funding-service: the drawdown was disbursed; its reservation becomes used. Answered by
 * {@link FundingConfirmed}.
 */
public record ConfirmFunding(UUID drawdownId) {

    public static final MessageType<ConfirmFunding> TYPE = MessageType.of("ConfirmFunding", 1, ConfirmFunding.class);
}
