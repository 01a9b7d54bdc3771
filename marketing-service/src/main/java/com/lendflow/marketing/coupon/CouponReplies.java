package com.lendflow.marketing.coupon;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.marketing.CouponLockRefused;
import com.lendflow.contracts.marketing.CouponLocked;
import com.lendflow.contracts.marketing.CouponRedeemed;
import com.lendflow.contracts.marketing.CouponReleased;
import com.lendflow.platform.messaging.Outbox;
import org.springframework.stereotype.Component;

/** Puts the answers to the saga's coupon commands in the outbox, keyed by drawdown id. */
@Component
class CouponReplies {

    private final Outbox outbox;

    CouponReplies(Outbox outbox) {
        this.outbox = outbox;
    }

    void lockAnswer(Object answer) {
        switch (answer) {
            case CouponLocked locked ->
                    outbox.publish(Topics.MARKETING_COUPON, locked.drawdownId().toString(), CouponLocked.TYPE, locked);
            case CouponLockRefused refused ->
                    outbox.publish(Topics.MARKETING_COUPON, refused.drawdownId().toString(), CouponLockRefused.TYPE, refused);
            default -> throw new IllegalArgumentException("not an answer to LockCoupon: " + answer.getClass());
        }
    }

    void redeemed(CouponRedeemed redeemed) {
        outbox.publish(Topics.MARKETING_COUPON, redeemed.drawdownId().toString(), CouponRedeemed.TYPE, redeemed);
    }

    void released(CouponReleased released) {
        outbox.publish(Topics.MARKETING_COUPON, released.drawdownId().toString(), CouponReleased.TYPE, released);
    }
}
