package com.lendflow.contracts.funding;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The partner's position is reserved for the drawdown; {@code remainingPlan} is what is left of the day's plan.
 */
public record FundingReserved(UUID drawdownId, String partnerId, String partnerName, String amount,
                              LocalDate businessDate, String remainingPlan) {

    public static final MessageType<FundingReserved> TYPE = MessageType.of("FundingReserved", 1, FundingReserved.class);
}
