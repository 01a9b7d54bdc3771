package com.lendflow.marketing.campaign;

/** What a coupon gives the drawdown it is used on. */
public enum CouponKind {
    /** The loan is charged a lower annual rate than the line's for its whole term. */
    RATE_DISCOUNT,
    /** The first N days of the loan carry no interest. */
    INTEREST_FREE_DAYS
}
