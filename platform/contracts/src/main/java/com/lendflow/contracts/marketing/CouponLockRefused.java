package com.lendflow.contracts.marketing;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The coupon cannot be used for this drawdown: {@code code} for machines (NOT_FOUND, NOT_OWNER,
 * EXPIRED, ALREADY_USED, LOCKED_ELSEWHERE, BELOW_MINIMUM_AMOUNT, TERM_NOT_ALLOWED), {@code reason} for staff.
 */
public record CouponLockRefused(UUID drawdownId, UUID couponId, String code, String reason) {

    public static final MessageType<CouponLockRefused> TYPE = MessageType.of("CouponLockRefused", 1, CouponLockRefused.class);
}
