package com.lendflow.marketing.coupon;

import com.lendflow.contracts.marketing.CouponReleased;
import com.lendflow.contracts.marketing.ReleaseCoupon;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compensates a failed drawdown: the coupon it locked is the customer's to use again. Releasing
 * what the drawdown never held (its lock was refused, or never arrived) changes no coupon and is
 * answered all the same, so the saga can always finish compensating.
 */
@Component
class ReleaseCouponHandler {

    private static final Logger log = LoggerFactory.getLogger(ReleaseCouponHandler.class);

    private final Coupons coupons;
    private final CouponUses uses;
    private final CouponReplies replies;
    private final Clock clock;

    ReleaseCouponHandler(Coupons coupons, CouponUses uses, CouponReplies replies, Clock clock) {
        this.coupons = coupons;
        this.uses = uses;
        this.replies = replies;
        this.clock = clock;
    }

    @Transactional
    public void handle(ReleaseCoupon command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<CouponUse> found = uses.findById(command.drawdownId());
        if (found.isEmpty()) {
            // Remembered, so a LockCoupon still on its way cannot take the coupon for a drawdown that has failed.
            uses.save(CouponUse.releasedUnlocked(command.drawdownId(), command.couponId(), command.reason(), now));
            log.info("drawdown {} released coupon {} before locking it", command.drawdownId(), command.couponId());
            replies.released(new CouponReleased(command.drawdownId(), command.couponId()));
            return;
        }
        CouponUse use = found.get();
        switch (use.state()) {
            case LOCKED -> {
                Coupon coupon = coupons.lockById(use.couponId()).orElseThrow();
                coupon.release(use.drawdownId());
                coupons.save(coupon);
                use.released(command.reason(), now);
                uses.save(use);
                log.info("coupon {} released by drawdown {}: {}", use.couponId(), use.drawdownId(), command.reason());
            }
            case RELEASED, REFUSED -> log.info("drawdown {} holds no coupon ({}); answering the release again",
                    use.drawdownId(), use.state());
            case REDEEMED -> throw new CommandOutOfTurn(("ReleaseCoupon for drawdown %s, which already redeemed coupon %s;"
                    + " a disbursed loan keeps its coupon").formatted(use.drawdownId(), use.couponId()));
        }
        replies.released(use.releasedAnswer());
    }
}
