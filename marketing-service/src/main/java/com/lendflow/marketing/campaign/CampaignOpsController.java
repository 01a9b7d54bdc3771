package com.lendflow.marketing.campaign;

import com.lendflow.platform.web.ApiProblem;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coupon campaigns for ops staff. Everyone on ops may read them; supervisors and administrators
 * create, change and end them, each change audited. Ending is the only removal: coupons already
 * issued point at their campaign and stay usable.
 */
@RestController
@RequestMapping("/ops/v1/marketing/campaigns")
class CampaignOpsController {

    private final Campaigns campaigns;
    private final CampaignHandlers handlers;

    CampaignOpsController(Campaigns campaigns, CampaignHandlers handlers) {
        this.campaigns = campaigns;
        this.handlers = handlers;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'FINANCE', 'ADMIN')")
    @Transactional(readOnly = true)
    List<CampaignView> campaigns() {
        return campaigns.findAllByOrderByCreatedAtDesc().stream().map(CampaignView::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'FINANCE', 'ADMIN')")
    @Transactional(readOnly = true)
    CampaignView campaign(@PathVariable UUID id) {
        return campaigns.findById(id).map(CampaignView::of).orElseThrow(() -> ApiProblem.notFound("Campaign", id));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    ResponseEntity<CampaignView> create(@RequestBody CampaignRequest request) {
        CampaignView created = handlers.create(request);
        return ResponseEntity.created(URI.create("/ops/v1/marketing/campaigns/" + created.id())).body(created);
    }

    /** Replaces the campaign's terms (PUT is idempotent by nature); coupons issued before keep theirs. */
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    CampaignView change(@PathVariable UUID id, @RequestBody CampaignRequest request) {
        return handlers.change(id, request);
    }

    /** Ends the campaign: no more coupons are issued from it. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    CampaignView end(@PathVariable UUID id, @RequestParam(name = "reason", required = false) String reason) {
        return handlers.end(id, reason);
    }
}
