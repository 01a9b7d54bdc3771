package com.lendflow.marketing.campaign;

import com.lendflow.platform.web.ApiProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The campaigns coupons are issued from, for the coupon feature. */
@Component
public class CampaignCatalogue {

    private final Campaigns campaigns;

    CampaignCatalogue(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * The terms of a campaign ops staff issue coupons from today.
     *
     * @throws ApiProblem 404 if there is no such campaign, 409 if it has ended or its window is past
     */
    public CampaignTerms issuableByOps(UUID campaignId, LocalDate today) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> ApiProblem.notFound("Campaign", campaignId));
        if (!campaign.issuesOn(today)) {
            throw ApiProblem.conflict("campaign-not-issuing", campaign.status() == CampaignStatus.ENDED
                    ? "campaign " + campaignId + " has ended and issues no more coupons"
                    : "campaign " + campaignId + "'s coupons were valid until " + campaign.terms().validUntil()
                    + "; a coupon issued today would already have expired");
        }
        return campaign.terms();
    }

    /** The campaigns whose rule gives a customer of {@code grade}, granted a line today, a coupon. */
    public List<CampaignTerms> issuableByRuleTo(String grade, LocalDate today) {
        return campaigns.findActive().stream()
                .filter(campaign -> campaign.issuesOn(today) && campaign.issuesByRuleTo(grade))
                .map(Campaign::terms)
                .toList();
    }
}
