package com.lendflow.marketing.coupon;

import com.lendflow.contracts.marketing.CouponLockRefused;
import com.lendflow.contracts.marketing.CouponLocked;
import com.lendflow.contracts.marketing.CouponRedeemed;
import com.lendflow.contracts.marketing.CouponReleased;
import com.lendflow.marketing.Rates;
import com.lendflow.marketing.campaign.CouponKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One drawdown's dealings with a coupon, kept for good: the answer to its LockCoupon and what
 * became of the lock. A command the saga re-sends for the same drawdown is answered from here.
 */
@Entity
@Table(name = "coupon_use")
class CouponUse {

    enum State { LOCKED, REFUSED, REDEEMED, RELEASED }

    @Id
    @Column(name = "drawdown_id")
    private UUID drawdownId;

    @Column(name = "coupon_id")
    private UUID couponId;

    @Column(name = "customer_id")
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_code")
    private LockRefusal refusalCode;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Enumerated(EnumType.STRING)
    private CouponKind kind;

    @Column(name = "discounted_rate", precision = 9, scale = 6)
    private BigDecimal discountedRate;

    @Column(name = "interest_free_days")
    private Integer interestFreeDays;

    @Column(precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "term_months")
    private Integer termMonths;

    @Column(name = "line_rate", precision = 9, scale = 6)
    private BigDecimal lineRate;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "release_reason")
    private String releaseReason;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected CouponUse() {
    }

    static CouponUse locked(LockRequest request, Coupon coupon, Instant now) {
        CouponUse use = of(request, now);
        use.state = State.LOCKED;
        use.kind = coupon.kind();
        use.discountedRate = coupon.discountedRate();
        use.interestFreeDays = coupon.interestFreeDays();
        use.lockedAt = now;
        return use;
    }

    static CouponUse refused(LockRequest request, LockRefused refusal, Instant now) {
        CouponUse use = of(request, now);
        use.state = State.REFUSED;
        use.refusalCode = refusal.code();
        use.refusalReason = refusal.reason();
        return use;
    }

    /** A release that came before any lock: remembered so that a lock arriving after it does not take the coupon. */
    static CouponUse releasedUnlocked(UUID drawdownId, UUID couponId, String reason, Instant now) {
        CouponUse use = new CouponUse();
        use.drawdownId = drawdownId;
        use.couponId = couponId;
        use.state = State.RELEASED;
        use.releasedAt = now;
        use.releaseReason = reason;
        use.decidedAt = now;
        return use;
    }

    private static CouponUse of(LockRequest request, Instant now) {
        CouponUse use = new CouponUse();
        use.drawdownId = request.drawdownId();
        use.couponId = request.couponId();
        use.customerId = request.customerId();
        use.amount = request.amount();
        use.termMonths = request.termMonths();
        use.lineRate = request.lineRate();
        use.decidedAt = now;
        return use;
    }

    void redeemed(Instant now) {
        state = State.REDEEMED;
        redeemedAt = now;
    }

    void released(String reason, Instant now) {
        state = State.RELEASED;
        releasedAt = now;
        releaseReason = reason;
    }

    /** Whether this drawdown ever held the coupon (a refusal or a release-before-lock never did). */
    boolean everLocked() {
        return lockedAt != null;
    }

    /** The answer to LockCoupon, the same every time the saga asks. */
    Object lockAnswer() {
        if (everLocked()) {
            return new CouponLocked(drawdownId, couponId, kind.name(), Rates.text(discountedRate),
                    interestFreeDays == null ? 0 : interestFreeDays);
        }
        if (state == State.REFUSED) {
            return new CouponLockRefused(drawdownId, couponId, refusalCode.name(), refusalReason);
        }
        return new CouponLockRefused(drawdownId, couponId, LockRefusal.DRAWDOWN_RELEASED.name(),
                "the drawdown released its coupon before the lock arrived");
    }

    CouponRedeemed redeemedAnswer() {
        return new CouponRedeemed(drawdownId, couponId, redeemedAt);
    }

    CouponReleased releasedAnswer() {
        return new CouponReleased(drawdownId, couponId);
    }

    UUID drawdownId() {
        return drawdownId;
    }

    UUID couponId() {
        return couponId;
    }

    State state() {
        return state;
    }
}
