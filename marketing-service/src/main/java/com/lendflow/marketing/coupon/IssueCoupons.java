package com.lendflow.marketing.coupon;

import com.lendflow.marketing.ActingStaff;
import com.lendflow.marketing.MarketingSettings;
import com.lendflow.marketing.campaign.CampaignCatalogue;
import com.lendflow.marketing.campaign.CampaignTerms;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Gives customers coupons: targeted by ops staff, or by a campaign's rule when a customer's line is granted. */
@Component
class IssueCoupons {

    static final String RULE_ISSUER = "rule:CreditLineGranted";

    private static final Logger log = LoggerFactory.getLogger(IssueCoupons.class);

    private final Coupons coupons;
    private final CampaignCatalogue catalogue;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final MarketingSettings settings;
    private final Clock clock;

    IssueCoupons(Coupons coupons, CampaignCatalogue catalogue, AuditTrail audit, AuditActorSource actors,
                 MarketingSettings settings, Clock clock) {
        this.coupons = coupons;
        this.catalogue = catalogue;
        this.audit = audit;
        this.actors = actors;
        this.settings = settings;
        this.clock = clock;
    }

    /** One coupon of the campaign to each customer, as one audited action. */
    @Transactional
    public List<CouponView> byOps(IssueCouponsCmd command) {
        LocalDate today = settings.today(clock);
        CampaignTerms campaign = catalogue.issuableByOps(command.campaignId(), today);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String by = ActingStaff.name(actors);
        List<CouponView> issued = new ArrayList<>();
        Map<String, String> couponByCustomer = new LinkedHashMap<>();
        for (UUID customerId : command.customerIds()) {
            Coupon coupon = coupons.save(Coupon.issue(UUID.randomUUID(), campaign, customerId, IssuedVia.OPS, by, today, now));
            issued.add(CouponView.of(coupon, today));
            couponByCustomer.put(customerId.toString(), coupon.id().toString());
        }
        audit.record(new AuditEntry("coupon.issue", "campaign", campaign.campaignId().toString(), null,
                Map.of("campaignId", campaign.campaignId().toString(), "issued", couponByCustomer.size(),
                        "couponByCustomer", couponByCustomer), command.reason()));
        log.info("{} issued {} coupon(s) of campaign {}", by, issued.size(), campaign.campaignId());
        return issued;
    }

    /**
     * The coupons of every active campaign whose rule covers the customer's grade, each once per
     * campaign however often the line is granted again.
     *
     * @return how many coupons were issued now
     */
    @Transactional
    public int byRule(UUID customerId, String grade) {
        if (customerId == null || grade == null) {
            return 0;
        }
        LocalDate today = settings.today(clock);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int issued = 0;
        for (CampaignTerms campaign : catalogue.issuableByRuleTo(grade.strip(), today)) {
            // The unique index on (campaign, customer) for rule coupons settles a race between two grants;
            // the loser's transaction fails, is retried, and finds the coupon here.
            if (coupons.existsByCampaignIdAndCustomerIdAndIssuedVia(campaign.campaignId(), customerId, IssuedVia.RULE)) {
                continue;
            }
            Coupon coupon = coupons.save(Coupon.issue(UUID.randomUUID(), campaign, customerId, IssuedVia.RULE, RULE_ISSUER,
                    today, now));
            log.info("issued coupon {} of campaign {} to customer {} (grade {}) by rule", coupon.id(),
                    campaign.campaignId(), customerId, grade);
            issued++;
        }
        return issued;
    }

    record IssueCouponsCmd(UUID campaignId, List<UUID> customerIds, String reason) {
    }
}
