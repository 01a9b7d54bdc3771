package com.lendflow.coreledger.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How a coupon prices a quote, and when it is refused, without the services it is read from. */
class QuoteRulesTest {

    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID COUPON = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final QuoteTerms LINE = QuoteTerms.withoutCoupon("ACTIVE", new BigDecimal("0.146"), new BigDecimal("43000.00"));

    static JsonNode coupon(String owner, String state, String validUntil, String minAmount) {
        return coupon(owner, state, TODAY.minusDays(1).toString(), validUntil, minAmount);
    }

    static JsonNode coupon(String owner, String state, String validFrom, String validUntil, String minAmount) {
        return JsonMapper.builder().build().readTree("""
                {"id":"%s","customerId":"%s","kind":"RATE_DISCOUNT","discountedRate":"0.09125","interestFreeDays":0,
                 "state":"%s","validFrom":"%s","validUntil":"%s","minimumAmount":"%s","allowedTerms":[3,6,12]}"""
                .formatted(COUPON, owner, state, validFrom, validUntil, minAmount));
    }

    static LoanQuoteRequest hundredYuan(int term) {
        return new LoanQuoteRequest(new BigDecimal("100.00"), term, RepaymentMethod.EQUAL_INSTALLMENT, COUPON);
    }

    @Test
    void aRateDiscountCouponPricesTheLoanAtItsRate() {
        QuoteTerms terms = QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", TODAY.plusDays(30).toString(), "100.00"), TODAY);

        assertThat(terms.rate()).isEqualByComparingTo("0.09125");
        assertThat(terms.lineRate()).isEqualByComparingTo("0.146");
    }

    @Test
    void aCouponNoBetterThanTheLineIsRefusedAsTheDrawdownWouldRefuseIt() {
        QuoteTerms cheapLine = QuoteTerms.withoutCoupon("ACTIVE", new BigDecimal("0.073"), new BigDecimal("1000.00"));

        assertThatThrownBy(() -> QuoteSources.withCoupon(cheapLine, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", TODAY.plusDays(30).toString(), "100.00"), TODAY))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("not below the credit line's 0.073");
    }

    @Test
    void someoneElsesUsedExpiredTooSmallOrWrongTermCouponIsRefusedNamingCouponId() {
        String until = TODAY.plusDays(30).toString();
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(UUID.randomUUID().toString(), "ISSUED", until, "100.00"), TODAY))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("couponId");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "REDEEMED", until, "100.00"), TODAY)).hasMessageContaining("REDEEMED");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", TODAY.minusDays(1).toString(), "100.00"), TODAY))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", until, "500.00"), TODAY)).hasMessageContaining("at least 500.00");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(24),
                coupon(CUSTOMER.toString(), "ISSUED", until, "100.00"), TODAY)).hasMessageContaining("24-month");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3), null, TODAY))
                .hasMessageContaining("couponId");
    }

    @Test
    void aCouponIsJudgedOnMarketingsCalendarNotTheServersZone() {
        // 17:25 UTC on 29 November is 01:25 on 30 November in Shanghai: a coupon issued there today is
        // valid from the 30th, and usable now, as marketing-service would let the drawdown lock it.
        Clock evening = Clock.fixed(Instant.parse("2026-11-29T17:25:00Z"), ZoneOffset.UTC);
        LocalDate couponDay = QuoteSources.couponDay(evening, ZoneId.of("Asia/Shanghai"));
        assertThat(couponDay).isEqualTo(LocalDate.of(2026, 11, 30));

        QuoteTerms terms = QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", "2026-11-30", "2026-12-30", "100.00"), couponDay);
        assertThat(terms.rate()).isEqualByComparingTo("0.09125");

        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", "2026-12-01", "2026-12-30", "100.00"), couponDay))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("valid from 2026-12-01");
    }
}
