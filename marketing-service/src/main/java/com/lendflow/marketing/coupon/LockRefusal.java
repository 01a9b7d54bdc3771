package com.lendflow.marketing.coupon;

/**
 * Why a coupon was not locked, as {@code CouponLockRefused.code}. The first seven are those the
 * contract names; the last three are marketing-service's additions, also in the report to the saga.
 */
enum LockRefusal {
    NOT_FOUND,
    NOT_OWNER,
    EXPIRED,
    ALREADY_USED,
    LOCKED_ELSEWHERE,
    BELOW_MINIMUM_AMOUNT,
    TERM_NOT_ALLOWED,
    /** The coupon's window has not started yet. */
    NOT_YET_VALID,
    /** A rate-discount coupon whose rate is not below the line's: using it would change nothing. */
    RATE_NOT_LOWER,
    /** The command itself is faulty (no customer, an amount that is not whole fen, ...). */
    INVALID_COMMAND,
    /** The drawdown released its coupon before this lock arrived: the saga has moved on. */
    DRAWDOWN_RELEASED
}
