package com.lendflow.marketing.coupon;

import com.lendflow.marketing.MarketingSettings;
import com.lendflow.platform.security.access.ActingCustomer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A customer's own coupons, newest first, each with its state as of today. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_customer')")
class CouponController {

    private final Coupons coupons;
    private final MarketingSettings settings;
    private final Clock clock;

    CouponController(Coupons coupons, MarketingSettings settings, Clock clock) {
        this.coupons = coupons;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/customers/{customerId}/coupons")
    @Transactional(readOnly = true)
    List<CouponView> coupons(@PathVariable UUID customerId) {
        ActingCustomer.mayAccess(customerId, "Customer", customerId);
        LocalDate today = settings.today(clock);
        return coupons.findByCustomerIdOrderByIssuedAtDesc(customerId).stream()
                .map(coupon -> CouponView.of(coupon, today)).toList();
    }
}
