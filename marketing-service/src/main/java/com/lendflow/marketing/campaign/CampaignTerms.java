package com.lendflow.marketing.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a coupon of a campaign gives and on which drawdowns, as the campaign says now. A coupon
 * copies these when it is issued.
 *
 * @param discountedRate   the annual rate a RATE_DISCOUNT loan is charged; null for INTEREST_FREE_DAYS
 * @param interestFreeDays the days without interest of an INTEREST_FREE_DAYS coupon; null for RATE_DISCOUNT
 * @param validFrom        with {@code validUntil}, the fixed window of every coupon; null when {@code validDays} is set
 * @param validDays        days a coupon is usable counting its day of issue; null for a fixed window
 */
public record CampaignTerms(UUID campaignId, String name, CouponKind kind, BigDecimal discountedRate,
                            Integer interestFreeDays, BigDecimal minimumAmount, List<Integer> allowedTerms,
                            LocalDate validFrom, LocalDate validUntil, Integer validDays) {

    /** The first day a coupon issued on {@code issuedOn} may be used. */
    public LocalDate validFromFor(LocalDate issuedOn) {
        return validDays != null ? issuedOn : validFrom;
    }

    /**
     * The last day a coupon issued on {@code issuedOn} may be used: "valid 30 days" counts the day
     * of issue as the first, so a coupon issued on 1 March is usable through 30 March.
     */
    public LocalDate validUntilFor(LocalDate issuedOn) {
        return validDays != null ? issuedOn.plusDays(validDays - 1L) : validUntil;
    }
}
