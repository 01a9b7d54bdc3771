package com.lendflow.contracts.marketing;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The coupon cannot be used for this drawdown: {@code code} for machines (NOT_FOUND, NOT_OWNER,
 * EXPIRED, NOT_YET_VALID, ALREADY_USED, LOCKED_ELSEWHERE, BELOW_MINIMUM_AMOUNT, TERM_NOT_ALLOWED,
 * RATE_NOT_LOWER: a rate discount no better than the line; DRAWDOWN_RELEASED: the drawdown was already
 * compensated; INVALID_COMMAND: the command itself is malformed), {@code reason} for staff.
 */
public record CouponLockRefused(UUID drawdownId, UUID couponId, String code, String reason) {

    public static final MessageType<CouponLockRefused> TYPE = MessageType.of("CouponLockRefused", 1, CouponLockRefused.class);
}
