package com.lendflow.coreledger.quote;

import com.lendflow.coreledger.calculator.ScheduleView;
import java.util.UUID;

/**
 * A trial calculation as the app shows it: the full schedule, its totals, the line's rate, the
 * rate after the coupon and the daily rate (annual / 365, to eight decimals), amounts as
 * two-decimal strings. Nothing is reserved by a quote.
 */
record LoanQuoteView(String amount, int termMonths, String method, String annualRate, String rateAfterCoupon,
                     String dailyRate, UUID couponId, String couponKind, int interestFreeDays, String interestWaived,
                     ScheduleView schedule) {
}
