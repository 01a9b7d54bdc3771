package com.lendflow.marketing.coupon;

import com.lendflow.contracts.marketing.LockCoupon;
import java.util.UUID;

/** Object Mother for the saga's LockCoupon commands. */
final class Drawdowns {

    /** The line's rate in the seed article: 14.6%. */
    static final String LINE_RATE = "0.146";

    private Drawdowns() {
    }

    /** The seed article's drawdown: 100 yuan over 3 months on a 14.6% line. */
    static LockCoupon hundredYuanOverThreeMonths(UUID customerId, UUID couponId) {
        return lock(customerId, couponId, "100.00", 3, LINE_RATE);
    }

    static LockCoupon lock(UUID customerId, UUID couponId, String amount, int termMonths, String lineRate) {
        return new LockCoupon(UUID.randomUUID(), customerId, couponId, amount, termMonths, lineRate);
    }
}
