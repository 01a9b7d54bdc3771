package com.lendflow.marketing.coupon;

import com.lendflow.marketing.MarketingSettings;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import com.lendflow.platform.web.idempotency.IdempotentRequests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Targeted issuance by supervisors and administrators, audited, and coupons as staff see them.
 * Issuing takes an Idempotency-Key: a console retry issues nothing twice.
 */
@RestController
class CouponOpsController {

    private final IssueCoupons issue;
    private final Coupons coupons;
    private final IdempotentRequests idempotency;
    private final MarketingSettings settings;
    private final Clock clock;

    CouponOpsController(IssueCoupons issue, Coupons coupons, IdempotentRequests idempotency, MarketingSettings settings,
                        Clock clock) {
        this.issue = issue;
        this.coupons = coupons;
        this.idempotency = idempotency;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/ops/v1/marketing/coupons")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    ResponseEntity<?> issue(@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
                            @RequestBody IssueRequest request) {
        IssueCoupons.IssueCouponsCmd command = request.toCommand(settings.maxCustomersPerIssue());
        return idempotency.execute(idempotencyKey, request,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(new Issued(issue.byOps(command))));
    }

    @GetMapping("/ops/v1/marketing/customers/{customerId}/coupons")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'FINANCE', 'ADMIN')")
    @Transactional(readOnly = true)
    List<CouponView> customerCoupons(@PathVariable UUID customerId) {
        LocalDate today = settings.today(clock);
        return coupons.findByCustomerIdOrderByIssuedAtDesc(customerId).stream()
                .map(coupon -> CouponView.of(coupon, today)).toList();
    }

    /** One coupon of the campaign to each of {@code customerIds}; {@code reason} goes on the audit record. */
    record IssueRequest(UUID campaignId, List<UUID> customerIds, String reason) {

        IssueCoupons.IssueCouponsCmd toCommand(int maxCustomers) {
            List<FieldViolation> violations = new ArrayList<>();
            if (campaignId == null) {
                violations.add(new FieldViolation("campaignId", "NotNull", "the campaign whose coupon to issue is required"));
            }
            if (customerIds == null || customerIds.isEmpty() || customerIds.size() > maxCustomers) {
                violations.add(new FieldViolation("customerIds", "Size", "1 to " + maxCustomers + " customer ids are required"));
            } else {
                Set<UUID> seen = new HashSet<>();
                for (int i = 0; i < customerIds.size(); i++) {
                    if (customerIds.get(i) == null) {
                        violations.add(new FieldViolation("customerIds[" + i + "]", "NotNull", "must be a customer id"));
                    } else if (!seen.add(customerIds.get(i))) {
                        violations.add(new FieldViolation("customerIds[" + i + "]", "Unique",
                                "is listed twice; each customer gets one coupon per issuance"));
                    }
                }
            }
            if (reason == null || reason.isBlank() || reason.length() > 500) {
                violations.add(new FieldViolation("reason", "NotBlank",
                        "a reason of 1 to 500 characters is required: it goes on the audit record"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequest(violations);
            }
            return new IssueCoupons.IssueCouponsCmd(campaignId, List.copyOf(customerIds), reason.strip());
        }
    }

    record Issued(List<CouponView> coupons) {
    }
}
