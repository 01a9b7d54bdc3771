package com.lendflow.marketing.coupon;

import com.lendflow.marketing.campaign.CampaignTerms;
import com.lendflow.marketing.campaign.CouponKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One customer's coupon, with the terms its campaign had when it was issued. */
@Entity
@Table(name = "coupon")
class Coupon {

    @Id
    private UUID id;

    @Column(name = "campaign_id", nullable = false)
    private UUID campaignId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CouponKind kind;

    @Column(name = "discounted_rate", precision = 9, scale = 6)
    private BigDecimal discountedRate;

    @Column(name = "interest_free_days")
    private Integer interestFreeDays;

    @Column(name = "minimum_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal minimumAmount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_terms", nullable = false)
    private Integer[] allowedTerms;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    /** ISSUED, LOCKED or REDEEMED; see {@link #stateOn}. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CouponState state;

    @Column(name = "locked_by_drawdown")
    private UUID lockedByDrawdown;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "issued_via", nullable = false)
    private IssuedVia issuedVia;

    @Column(name = "issued_by", nullable = false)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Version
    private long version;

    protected Coupon() {
    }

    /** A new coupon for {@code customerId} with the campaign's terms as they are {@code today}. */
    static Coupon issue(UUID id, CampaignTerms campaign, UUID customerId, IssuedVia via, String by, LocalDate today,
                        Instant now) {
        Coupon coupon = new Coupon();
        coupon.id = id;
        coupon.campaignId = campaign.campaignId();
        coupon.customerId = customerId;
        coupon.kind = campaign.kind();
        coupon.discountedRate = campaign.discountedRate();
        coupon.interestFreeDays = campaign.interestFreeDays();
        coupon.minimumAmount = campaign.minimumAmount();
        coupon.allowedTerms = campaign.allowedTerms().toArray(Integer[]::new);
        coupon.validFrom = campaign.validFromFor(today);
        coupon.validUntil = campaign.validUntilFor(today);
        coupon.state = CouponState.ISSUED;
        coupon.issuedVia = via;
        coupon.issuedBy = by;
        coupon.issuedAt = now;
        return coupon;
    }

    /**
     * Takes the coupon for {@code drawdownId}.
     *
     * @throws LockRefused if it is not this customer's, not usable today, or not for this drawdown's amount, term or rate
     */
    void lock(LockRequest request, LocalDate today, Instant now) {
        if (!customerId.equals(request.customerId())) {
            throw new LockRefused(LockRefusal.NOT_OWNER, "coupon " + id + " does not belong to the drawdown's customer");
        }
        if (state == CouponState.REDEEMED) {
            throw new LockRefused(LockRefusal.ALREADY_USED, "coupon " + id + " was already used by another drawdown");
        }
        if (state == CouponState.LOCKED) {
            throw new LockRefused(LockRefusal.LOCKED_ELSEWHERE, "coupon " + id + " is held by another drawdown in progress");
        }
        if (validUntil.isBefore(today)) {
            throw new LockRefused(LockRefusal.EXPIRED, "coupon " + id + " expired; its last valid day was " + validUntil);
        }
        if (validFrom.isAfter(today)) {
            throw new LockRefused(LockRefusal.NOT_YET_VALID, "coupon " + id + " may be used from " + validFrom);
        }
        if (request.amount().compareTo(minimumAmount) < 0) {
            throw new LockRefused(LockRefusal.BELOW_MINIMUM_AMOUNT, "coupon " + id + " applies to drawdowns of at least "
                    + minimumAmount.toPlainString() + "; this one is " + request.amount().toPlainString());
        }
        if (!List.of(allowedTerms).contains(request.termMonths())) {
            throw new LockRefused(LockRefusal.TERM_NOT_ALLOWED, "coupon " + id + " applies to terms of "
                    + List.of(allowedTerms) + " months; this drawdown is over " + request.termMonths());
        }
        if (kind == CouponKind.RATE_DISCOUNT) {
            if (request.lineRate() == null) {
                throw new LockRefused(LockRefusal.INVALID_COMMAND,
                        "a rate-discount coupon needs the line's annual rate (annualRate) to compare with");
            }
            // Locking it would spend the customer's coupon on a loan it makes no cheaper.
            if (discountedRate.compareTo(request.lineRate()) >= 0) {
                throw new LockRefused(LockRefusal.RATE_NOT_LOWER, "coupon " + id + "'s rate "
                        + discountedRate.stripTrailingZeros().toPlainString() + " is not below the line's rate "
                        + request.lineRate().stripTrailingZeros().toPlainString());
            }
        }
        state = CouponState.LOCKED;
        lockedByDrawdown = request.drawdownId();
        lockedAt = now;
    }

    /** The drawdown that locked the coupon was disbursed: the coupon is used, even if its validity has since ended. */
    void redeem(UUID drawdownId, Instant now) {
        requireLockedBy(drawdownId, "redeem");
        state = CouponState.REDEEMED;
        redeemedAt = now;
    }

    /** The drawdown that locked the coupon failed: the coupon is the customer's to use again (if still valid). */
    void release(UUID drawdownId) {
        requireLockedBy(drawdownId, "release");
        state = CouponState.ISSUED;
        lockedByDrawdown = null;
        lockedAt = null;
    }

    private void requireLockedBy(UUID drawdownId, String what) {
        if (state != CouponState.LOCKED || !drawdownId.equals(lockedByDrawdown)) {
            throw new IllegalStateException("cannot %s coupon %s for drawdown %s: it is %s%s".formatted(what, id, drawdownId,
                    state, lockedByDrawdown == null ? "" : " by drawdown " + lockedByDrawdown));
        }
    }

    /** The state as of {@code today}: an ISSUED coupon past its last valid day reads EXPIRED. */
    CouponState stateOn(LocalDate today) {
        if (state == CouponState.ISSUED && validUntil.isBefore(today)) {
            return CouponState.EXPIRED;
        }
        return state;
    }

    UUID id() {
        return id;
    }

    UUID campaignId() {
        return campaignId;
    }

    UUID customerId() {
        return customerId;
    }

    CouponKind kind() {
        return kind;
    }

    BigDecimal discountedRate() {
        return discountedRate;
    }

    Integer interestFreeDays() {
        return interestFreeDays;
    }

    BigDecimal minimumAmount() {
        return minimumAmount;
    }

    List<Integer> allowedTerms() {
        return List.of(allowedTerms);
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validUntil() {
        return validUntil;
    }

    UUID lockedByDrawdown() {
        return lockedByDrawdown;
    }

    Instant lockedAt() {
        return lockedAt;
    }

    Instant redeemedAt() {
        return redeemedAt;
    }

    IssuedVia issuedVia() {
        return issuedVia;
    }

    String issuedBy() {
        return issuedBy;
    }

    Instant issuedAt() {
        return issuedAt;
    }
}
