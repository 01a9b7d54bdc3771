package com.lendflow.contracts.marketing;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to marketing-service: the drawdown was disbursed; the locked coupon is used. Answered by
 * {@link CouponRedeemed}. Once per drawdown.
 */
public record RedeemCoupon(UUID drawdownId, UUID couponId) {

    public static final MessageType<RedeemCoupon> TYPE = MessageType.of("RedeemCoupon", 1, RedeemCoupon.class);
}
