package com.lendflow.contracts.marketing;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to marketing-service: compensate a failed drawdown; the coupon becomes usable again
 * (unless it has expired). Answered by {@link CouponReleased}.
 */
public record ReleaseCoupon(UUID drawdownId, UUID couponId, String reason) {

    public static final MessageType<ReleaseCoupon> TYPE = MessageType.of("ReleaseCoupon", 1, ReleaseCoupon.class);
}
