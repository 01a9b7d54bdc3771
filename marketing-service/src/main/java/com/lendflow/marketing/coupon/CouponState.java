package com.lendflow.marketing.coupon;

/**
 * ISSUED → LOCKED (by one drawdown) → REDEEMED, or LOCKED → ISSUED again when that drawdown
 * fails. EXPIRED is never stored: an ISSUED coupon past its last valid day reads EXPIRED.
 */
public enum CouponState {
    ISSUED,
    LOCKED,
    REDEEMED,
    EXPIRED
}
