package com.lendflow.marketing.coupon;

import com.lendflow.contracts.marketing.CouponLockRefused;
import com.lendflow.contracts.marketing.LockCoupon;
import com.lendflow.marketing.MarketingSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a customer's coupon for one drawdown. The coupon row is locked while it is checked, so
 * two drawdowns racing for it take turns and the second is refused. The answer is kept per
 * drawdown: a re-sent command gets the first answer again, whatever the coupon has done since.
 */
@Component
class LockCouponHandler {

    private static final Logger log = LoggerFactory.getLogger(LockCouponHandler.class);

    private final Coupons coupons;
    private final CouponUses uses;
    private final CouponReplies replies;
    private final MarketingSettings settings;
    private final Clock clock;

    LockCouponHandler(Coupons coupons, CouponUses uses, CouponReplies replies, MarketingSettings settings, Clock clock) {
        this.coupons = coupons;
        this.uses = uses;
        this.replies = replies;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void handle(LockCoupon command) {
        Optional<CouponUse> earlier = uses.findById(command.drawdownId());
        if (earlier.isPresent()) {
            log.info("drawdown {} had its LockCoupon answered before ({}); answering again", command.drawdownId(),
                    earlier.get().state());
            replies.lockAnswer(earlier.get().lockAnswer());
            return;
        }
        LockRequest request;
        try {
            request = LockRequest.of(command);
        } catch (LockRefused invalid) {
            // A fault in the command itself: the same command is refused the same way every time, nothing to remember.
            log.warn("refusing LockCoupon for drawdown {}: {} {}", command.drawdownId(), invalid.code(), invalid.reason());
            replies.lockAnswer(new CouponLockRefused(command.drawdownId(), command.couponId(), invalid.code().name(),
                    invalid.reason()));
            return;
        }
        // Database timestamps hold microseconds: the first answer and a repeated one must match.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Coupon> found = coupons.lockById(request.couponId());
        CouponUse use;
        if (found.isEmpty()) {
            use = CouponUse.refused(request, new LockRefused(LockRefusal.NOT_FOUND, "there is no coupon " + request.couponId()), now);
        } else {
            try {
                found.get().lock(request, settings.today(clock), now);
                use = CouponUse.locked(request, found.get(), now);
                coupons.save(found.get());
                log.info("locked coupon {} for drawdown {}", request.couponId(), request.drawdownId());
            } catch (LockRefused refused) {
                use = CouponUse.refused(request, refused, now);
            }
        }
        if (use.state() == CouponUse.State.REFUSED) {
            log.info("refused coupon {} to drawdown {}: {}", request.couponId(), request.drawdownId(),
                    ((CouponLockRefused) use.lockAnswer()).code());
        }
        uses.save(use);
        replies.lockAnswer(use.lockAnswer());
    }
}
