package com.lendflow.contracts.marketing;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The coupon is no longer locked by the drawdown.
 */
public record CouponReleased(UUID drawdownId, UUID couponId) {

    public static final MessageType<CouponReleased> TYPE = MessageType.of("CouponReleased", 1, CouponReleased.class);
}
