package com.lendflow.contracts.marketing;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to marketing-service: lock the customer's coupon for a drawdown of {@code amount} over
 * {@code termMonths} at the line's {@code annualRate}. A coupon is locked by one drawdown at a time and
 * used once. Answered by {@link CouponLocked} or {@link CouponLockRefused}, keyed by drawdown id.
 */
public record LockCoupon(UUID drawdownId, UUID customerId, UUID couponId, String amount, int termMonths,
                         String annualRate) {

    public static final MessageType<LockCoupon> TYPE = MessageType.of("LockCoupon", 1, LockCoupon.class);
}
