package com.lendflow.marketing.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.marketing.CampaignRequests;
import com.lendflow.marketing.MarketingIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Campaigns maintained by ops staff: checked, audited, and changing only the coupons issued after. */
class CampaignOpsTest extends MarketingIntegrationTest {

    String supervisorToken = TestTokens.staff("supervisor-li", "OPS_SUPERVISOR");

    @Test
    void theLaunchCampaignIsThereFromTheStart() {
        HttpResponse<String> response = agent.get("/ops/v1/marketing/campaigns/" + LAUNCH_CAMPAIGN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode launch = body(response);
        assertThat(launch.get("kind").asString()).isEqualTo("RATE_DISCOUNT");
        assertThat(launch.get("discountedRate").asString()).isEqualTo("0.091250");
        assertThat(launch.get("minimumAmount").asString()).isEqualTo("100.00");
        assertThat(launch.get("allowedTerms").toString()).isEqualTo("[3,6,12]");
        assertThat(launch.get("validDays").asInt()).isEqualTo(30);
        assertThat(launch.get("ruleGrades").toString()).isEqualTo("[\"A\",\"B\"]");
        assertThat(launch.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aSupervisorCreatesChangesAndEndsACampaignEachOnTheRecord() {
        UUID id = createCampaign(CampaignRequests.rateDiscount());
        assertThat(body(agent.get("/ops/v1/marketing/campaigns")).findValuesAsString("id")).contains(id.toString());

        UUID customer = UUID.randomUUID();
        UUID before = issueCoupon(id, customer);
        HttpResponse<String> changed = put(supervisorToken, "/ops/v1/marketing/campaigns/" + id,
                CampaignRequests.rateDiscount("0.08", "200.00", "[6, 12]", "[]"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(body(changed).get("discountedRate").asString()).isEqualTo("0.080000");
        assertThat(body(changed).get("changedBy").asString()).isEqualTo("supervisor-li");

        // The coupon issued before keeps its terms; one issued now has the new ones.
        JsonNode old = body(service.get("/internal/v1/coupons/" + before));
        assertThat(old.get("discountedRate").asString()).isEqualTo("0.091250");
        assertThat(old.get("minimumAmount").asString()).isEqualTo("100.00");
        JsonNode fresh = body(service.get("/internal/v1/coupons/" + issueCoupon(id, customer)));
        assertThat(fresh.get("discountedRate").asString()).isEqualTo("0.080000");
        assertThat(fresh.get("allowedTerms").toString()).isEqualTo("[6,12]");

        HttpResponse<String> ended = delete(supervisorToken, "/ops/v1/marketing/campaigns/" + id + "?reason=budget%20spent");
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(body(ended).get("status").asString()).isEqualTo("ENDED");
        assertThat(put(supervisorToken, "/ops/v1/marketing/campaigns/" + id, CampaignRequests.rateDiscount()).statusCode())
                .isEqualTo(409);

        List<String> actions = new ArrayList<>();
        body(supervisor.get("/ops/v1/audit?subjectType=campaign&subjectId=" + id)).get("records")
                .forEach(record -> actions.add(record.get("action").asString()));
        assertThat(actions).contains("campaign.create", "campaign.change", "campaign.end", "coupon.issue");
        JsonNode change = body(supervisor.get("/ops/v1/audit?action=campaign.change&subjectId=" + id)).get("records").get(0);
        assertThat(change.get("before").get("discountedRate").asString()).isEqualTo("0.091250");
        assertThat(change.get("after").get("discountedRate").asString()).isEqualTo("0.080000");
        assertThat(change.get("reason").asString()).isEqualTo("spring promotion");
    }

    @Test
    void agentsAndFinanceReadCampaignsButCannotChangeThem() {
        assertThat(agent.postJson("/ops/v1/marketing/campaigns", CampaignRequests.rateDiscount()).statusCode()).isEqualTo(403);
        String finance = TestTokens.staff("finance-zhao", "FINANCE");
        assertThat(put(finance, "/ops/v1/marketing/campaigns/" + LAUNCH_CAMPAIGN, CampaignRequests.rateDiscount())
                .statusCode()).isEqualTo(403);
        assertThat(delete(finance, "/ops/v1/marketing/campaigns/" + LAUNCH_CAMPAIGN + "?reason=x").statusCode())
                .isEqualTo(403);
        assertThat(customer(UUID.randomUUID()).get("/ops/v1/marketing/campaigns").statusCode()).isEqualTo(403);
        assertThat(body(agent.get("/ops/v1/marketing/campaigns/" + LAUNCH_CAMPAIGN)).get("status").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aCampaignThatBreaksTheRulesIsRefusedNamingEachFieldAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from campaign").query(Long.class).single();

        HttpResponse<String> bad = supervisor.postJson("/ops/v1/marketing/campaigns", """
                {"name": "", "kind": "RATE_DISCOUNT", "discountedRate": "0.25", "interestFreeDays": 3,
                 "minimumAmount": "100.001", "allowedTerms": [3, 5, 3], "validDays": 30,
                 "validUntil": "2030-01-01", "ruleGrades": ["a"]}
                """);

        assertThat(bad.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        body(bad).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "discountedRate", "interestFreeDays", "minimumAmount",
                "allowedTerms[1]", "allowedTerms[2]", "validDays", "ruleGrades[0]");

        HttpResponse<String> interestFreeWithoutDays = supervisor.postJson("/ops/v1/marketing/campaigns", """
                {"name": "Free week", "kind": "INTEREST_FREE_DAYS", "minimumAmount": "0.00", "allowedTerms": [3],
                 "validFrom": "%s", "validUntil": "%s"}
                """.formatted(today(), today().minusDays(1)));
        assertThat(interestFreeWithoutDays.statusCode()).isEqualTo(400);
        assertThat(interestFreeWithoutDays.body()).contains("interestFreeDays").contains("validUntil");

        HttpResponse<String> noReason = put(supervisorToken, "/ops/v1/marketing/campaigns/" + LAUNCH_CAMPAIGN,
                CampaignRequests.rateDiscount().replace("\"reason\": \"spring promotion\"", "\"reason\": null"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");

        assertThat(jdbc.sql("select count(*) from campaign").query(Long.class).single()).isEqualTo(before);
        assertThat(body(agent.get("/ops/v1/marketing/campaigns/" + LAUNCH_CAMPAIGN)).get("discountedRate").asString())
                .isEqualTo("0.091250");
    }

    @Test
    void aFixedWindowCampaignGivesEveryCouponTheSameDays() {
        UUID id = createCampaign("""
                {"name": "Double eleven", "kind": "INTEREST_FREE_DAYS", "interestFreeDays": 11, "minimumAmount": "0.00",
                 "allowedTerms": [3, 6, 9, 12, 24], "validFrom": "%s", "validUntil": "%s"}
                """.formatted(today(), today().plusDays(10)));

        JsonNode coupon = body(service.get("/internal/v1/coupons/" + issueCoupon(id, UUID.randomUUID())));

        assertThat(coupon.get("validFrom").asString()).isEqualTo(today().toString());
        assertThat(coupon.get("validUntil").asString()).isEqualTo(today().plusDays(10).toString());
        assertThat(coupon.get("interestFreeDays").asInt()).isEqualTo(11);
        assertThat(coupon.get("discountedRate").isNull()).isTrue();
    }
}
