package com.lendflow.marketing.campaign;

import com.lendflow.marketing.Rates;
import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A campaign for ops staff: amounts as two-decimal strings, the rate as a six-decimal string. */
public record CampaignView(UUID id, String name, CouponKind kind, String discountedRate, Integer interestFreeDays,
                           String minimumAmount, List<Integer> allowedTerms, LocalDate validFrom, LocalDate validUntil,
                           Integer validDays, List<String> ruleGrades, CampaignStatus status, Instant createdAt,
                           String createdBy, Instant changedAt, String changedBy) {

    static CampaignView of(Campaign campaign) {
        CampaignTerms terms = campaign.terms();
        return new CampaignView(campaign.id(), terms.name(), terms.kind(), Rates.text(terms.discountedRate()),
                terms.interestFreeDays(), Amounts.text(terms.minimumAmount()), terms.allowedTerms(), terms.validFrom(),
                terms.validUntil(), terms.validDays(), campaign.ruleGrades(), campaign.status(), campaign.createdAt(),
                campaign.createdBy(), campaign.changedAt(), campaign.changedBy());
    }
}
