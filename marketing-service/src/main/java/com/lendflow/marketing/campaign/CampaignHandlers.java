package com.lendflow.marketing.campaign;

import com.lendflow.marketing.ActingStaff;
import com.lendflow.marketing.MarketingSettings;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and ending campaigns: each an audited change with the campaign before and after. */
@Component
class CampaignHandlers {

    private final Campaigns campaigns;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final MarketingSettings settings;
    private final Clock clock;

    CampaignHandlers(Campaigns campaigns, AuditTrail audit, AuditActorSource actors, MarketingSettings settings,
                     Clock clock) {
        this.campaigns = campaigns;
        this.audit = audit;
        this.actors = actors;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public CampaignView create(CampaignRequest request) {
        CampaignDefinition definition = CampaignDefinition.of(request, settings.today(clock));
        Campaign campaign = campaigns.save(Campaign.create(UUID.randomUUID(), definition, ActingStaff.name(actors), now()));
        CampaignView view = CampaignView.of(campaign);
        audit.record(new AuditEntry("campaign.create", "campaign", campaign.id().toString(), null, view,
                blankToNull(request.reason())));
        return view;
    }

    @Transactional
    public CampaignView change(UUID id, CampaignRequest request) {
        String reason = requireReason(request.reason(), "reason");
        CampaignDefinition definition = CampaignDefinition.of(request, settings.today(clock));
        Campaign campaign = campaigns.findById(id).orElseThrow(() -> ApiProblem.notFound("Campaign", id));
        CampaignView before = CampaignView.of(campaign);
        campaign.change(definition, ActingStaff.name(actors), now());
        CampaignView after = CampaignView.of(campaigns.save(campaign));
        audit.record(new AuditEntry("campaign.change", "campaign", id.toString(), before, after, reason));
        return after;
    }

    @Transactional
    public CampaignView end(UUID id, String reason) {
        String why = requireReason(reason, "reason");
        Campaign campaign = campaigns.findById(id).orElseThrow(() -> ApiProblem.notFound("Campaign", id));
        CampaignView before = CampaignView.of(campaign);
        campaign.end(ActingStaff.name(actors), now());
        CampaignView after = CampaignView.of(campaigns.save(campaign));
        audit.record(new AuditEntry("campaign.end", "campaign", id.toString(), before, after, why));
        return after;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String requireReason(String reason, String field) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidRequest(List.of(new FieldViolation(field, "NotBlank",
                    "a reason of 1 to 500 characters is required to change or end a campaign")));
        }
        return reason.strip();
    }

    private static String blankToNull(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
