package com.lendflow.marketing.coupon;

import com.lendflow.marketing.MarketingSettings;
import com.lendflow.platform.web.ApiProblem;
import java.time.Clock;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One coupon for other Lendflow services (the quote API checks the owner and prices with it),
 * called with their own token (scope internal, required for /internal/** by the platform's
 * security). Not routed by the gateway.
 */
@RestController
class CouponInternalController {

    private final Coupons coupons;
    private final MarketingSettings settings;
    private final Clock clock;

    CouponInternalController(Coupons coupons, MarketingSettings settings, Clock clock) {
        this.coupons = coupons;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/internal/v1/coupons/{couponId}")
    @Transactional(readOnly = true)
    CouponView coupon(@PathVariable UUID couponId) {
        return coupons.findById(couponId).map(coupon -> CouponView.of(coupon, settings.today(clock)))
                .orElseThrow(() -> ApiProblem.notFound("Coupon", couponId));
    }
}
