package com.lendflow.contracts.funding;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * No position was reserved: {@code code} for machines (POSITION_EXHAUSTED, PARTNER_NOT_ELIGIBLE,
 * PARTNER_INACTIVE, NO_PLAN, INVALID_AMOUNT), {@code reason} for staff.
 */
public record FundingRefused(UUID drawdownId, String partnerId, String code, String reason) {

    public static final MessageType<FundingRefused> TYPE = MessageType.of("FundingRefused", 1, FundingRefused.class);
}
