package com.lendflow.contracts.marketing;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * The coupon is used by the drawdown.
 */
public record CouponRedeemed(UUID drawdownId, UUID couponId, Instant redeemedAt) {

    public static final MessageType<CouponRedeemed> TYPE = MessageType.of("CouponRedeemed", 1, CouponRedeemed.class);
}
