package com.lendflow.marketing.coupon;

import com.lendflow.contracts.marketing.RedeemCoupon;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The drawdown was disbursed: its locked coupon is used. Once per drawdown; a re-send gets the same answer. */
@Component
class RedeemCouponHandler {

    private static final Logger log = LoggerFactory.getLogger(RedeemCouponHandler.class);

    private final Coupons coupons;
    private final CouponUses uses;
    private final CouponReplies replies;
    private final Clock clock;

    RedeemCouponHandler(Coupons coupons, CouponUses uses, CouponReplies replies, Clock clock) {
        this.coupons = coupons;
        this.uses = uses;
        this.replies = replies;
        this.clock = clock;
    }

    @Transactional
    public void handle(RedeemCoupon command) {
        CouponUse use = uses.findById(command.drawdownId()).orElseThrow(() -> new CommandOutOfTurn(
                "RedeemCoupon for drawdown " + command.drawdownId() + ", which never locked a coupon"));
        if (command.couponId() != null && !command.couponId().equals(use.couponId())) {
            throw new CommandOutOfTurn("RedeemCoupon for drawdown %s names coupon %s, but the drawdown locked %s"
                    .formatted(command.drawdownId(), command.couponId(), use.couponId()));
        }
        switch (use.state()) {
            case REDEEMED -> log.info("drawdown {} already redeemed coupon {}; answering again", use.drawdownId(),
                    use.couponId());
            case LOCKED -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                Coupon coupon = coupons.lockById(use.couponId()).orElseThrow();
                coupon.redeem(use.drawdownId(), now);
                coupons.save(coupon);
                use.redeemed(now);
                uses.save(use);
                log.info("coupon {} redeemed by drawdown {}", use.couponId(), use.drawdownId());
            }
            case REFUSED, RELEASED -> throw new CommandOutOfTurn("RedeemCoupon for drawdown %s, whose coupon %s was %s"
                    .formatted(use.drawdownId(), use.couponId(), use.state() == CouponUse.State.REFUSED
                            ? "refused to it" : "already released"));
        }
        replies.redeemed(use.redeemedAnswer());
    }
}
