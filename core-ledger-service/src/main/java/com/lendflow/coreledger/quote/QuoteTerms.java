package com.lendflow.coreledger.quote;

import java.math.BigDecimal;

/**
 * What prices a quote besides the loan itself: the customer's credit line (its rate and what is
 * still available) and the coupon applied, if any ({@code couponRate} when it lowers the rate,
 * {@code interestFreeDays} when it waives the first days' interest).
 */
record QuoteTerms(String lineStatus, BigDecimal lineRate, BigDecimal available, String couponKind,
                  BigDecimal couponRate, int interestFreeDays) {

    static QuoteTerms withoutCoupon(String lineStatus, BigDecimal lineRate, BigDecimal available) {
        return new QuoteTerms(lineStatus, lineRate, available, null, null, 0);
    }

    /** The rate the loan is charged: the coupon's, when it is lower than the line's. */
    BigDecimal rate() {
        return couponRate != null && couponRate.compareTo(lineRate) < 0 ? couponRate : lineRate;
    }
}
