package com.lendflow.coreledger.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How a coupon prices a quote, and when it is refused, without the services it is read from. */
class QuoteRulesTest {

    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID COUPON = UUID.randomUUID();
    static final QuoteTerms LINE = QuoteTerms.withoutCoupon("ACTIVE", new BigDecimal("0.146"), new BigDecimal("43000.00"));

    static JsonNode coupon(String owner, String state, String validUntil, String minAmount) {
        return JsonMapper.builder().build().readTree("""
                {"id":"%s","customerId":"%s","kind":"RATE_DISCOUNT","discountedRate":"0.09125","interestFreeDays":0,
                 "state":"%s","validUntil":"%s","minimumAmount":"%s","allowedTerms":[3,6,12]}"""
                .formatted(COUPON, owner, state, validUntil, minAmount));
    }

    static LoanQuoteRequest hundredYuan(int term) {
        return new LoanQuoteRequest(new BigDecimal("100.00"), term, RepaymentMethod.EQUAL_INSTALLMENT, COUPON);
    }

    @Test
    void aRateDiscountCouponPricesTheLoanAtItsRate() {
        QuoteTerms terms = QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", LocalDate.now().plusDays(30).toString(), "100.00"));

        assertThat(terms.rate()).isEqualByComparingTo("0.09125");
        assertThat(terms.lineRate()).isEqualByComparingTo("0.146");
    }

    @Test
    void aCouponNoBetterThanTheLineIsRefusedAsTheDrawdownWouldRefuseIt() {
        QuoteTerms cheapLine = QuoteTerms.withoutCoupon("ACTIVE", new BigDecimal("0.073"), new BigDecimal("1000.00"));

        assertThatThrownBy(() -> QuoteSources.withCoupon(cheapLine, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", LocalDate.now().plusDays(30).toString(), "100.00")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("not below the credit line's 0.073");
    }

    @Test
    void someoneElsesUsedExpiredTooSmallOrWrongTermCouponIsRefusedNamingCouponId() {
        String until = LocalDate.now().plusDays(30).toString();
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(UUID.randomUUID().toString(), "ISSUED", until, "100.00")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("couponId");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "REDEEMED", until, "100.00"))).hasMessageContaining("REDEEMED");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", LocalDate.now().minusDays(1).toString(), "100.00")))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3),
                coupon(CUSTOMER.toString(), "ISSUED", until, "500.00"))).hasMessageContaining("at least 500.00");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(24),
                coupon(CUSTOMER.toString(), "ISSUED", until, "100.00"))).hasMessageContaining("24-month");
        assertThatThrownBy(() -> QuoteSources.withCoupon(LINE, CUSTOMER, hundredYuan(3), null))
                .hasMessageContaining("couponId");
    }
}
