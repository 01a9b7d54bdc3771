package com.lendflow.contracts.marketing;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The coupon is locked for the drawdown. {@code kind} is RATE_DISCOUNT (the loan is charged
 * {@code discountedRate}, a decimal string) or INTEREST_FREE_DAYS (the first {@code interestFreeDays}
 * days carry no interest; {@code discountedRate} is null).
 */
public record CouponLocked(UUID drawdownId, UUID couponId, String kind, String discountedRate,
                           int interestFreeDays) {

    public static final MessageType<CouponLocked> TYPE = MessageType.of("CouponLocked", 1, CouponLocked.class);
}
