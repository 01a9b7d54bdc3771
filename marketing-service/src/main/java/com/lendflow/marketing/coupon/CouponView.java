package com.lendflow.marketing.coupon;

import com.lendflow.marketing.Rates;
import com.lendflow.marketing.campaign.CouponKind;
import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A coupon as of today, for its owner, ops staff and the quote API. {@code discountedRate} is a
 * six-decimal string on a RATE_DISCOUNT coupon, {@code interestFreeDays} a number on an
 * INTEREST_FREE_DAYS one (the other null); {@code minimumAmount} is CNY with two decimals; the
 * coupon is usable from {@code validFrom} through {@code validUntil}, both included.
 * {@code lockedByDrawdown} names the drawdown holding or having used it.
 */
public record CouponView(UUID id, UUID customerId, UUID campaignId, CouponKind kind, String discountedRate,
                         Integer interestFreeDays, String minimumAmount, List<Integer> allowedTerms,
                         LocalDate validFrom, LocalDate validUntil, CouponState state, UUID lockedByDrawdown,
                         Instant issuedAt, Instant redeemedAt) {

    static CouponView of(Coupon coupon, LocalDate today) {
        return new CouponView(coupon.id(), coupon.customerId(), coupon.campaignId(), coupon.kind(),
                Rates.text(coupon.discountedRate()), coupon.interestFreeDays(), Amounts.text(coupon.minimumAmount()),
                coupon.allowedTerms(), coupon.validFrom(), coupon.validUntil(), coupon.stateOn(today),
                coupon.lockedByDrawdown(), coupon.issuedAt(), coupon.redeemedAt());
    }
}
