package com.lendflow.marketing.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.marketing.CampaignRequests;
import com.lendflow.marketing.MarketingIntegrationTest;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Coupons reach customers by targeted ops issuance and by a campaign's grade rule; customers see only their own. */
class CouponIssuanceTest extends MarketingIntegrationTest {

    @Autowired EnvelopeCodec codec;

    MarketingProbe marketing;

    @BeforeEach
    void setUp() {
        marketing = new MarketingProbe(codec);
    }

    @Test
    void aSupervisorIssuesACampaignsCouponToTargetedCustomersOnTheRecord() {
        UUID campaign = createCampaign(CampaignRequests.rateDiscount());
        UUID zhang = UUID.randomUUID();
        UUID li = UUID.randomUUID();

        HttpResponse<String> issued = issue(supervisor, campaign, zhang, li);

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode coupons = body(issued).get("coupons");
        assertThat(coupons).hasSize(2);
        JsonNode zhangs = onlyCoupon(zhang);
        assertThat(zhangs.get("campaignId").asString()).isEqualTo(campaign.toString());
        assertThat(zhangs.get("kind").asString()).isEqualTo("RATE_DISCOUNT");
        assertThat(zhangs.get("discountedRate").asString()).isEqualTo("0.091250");
        assertThat(zhangs.get("interestFreeDays").isNull()).isTrue();
        assertThat(zhangs.get("minimumAmount").asString()).isEqualTo("100.00");
        assertThat(zhangs.get("allowedTerms").toString()).isEqualTo("[3,6,12]");
        assertThat(zhangs.get("validFrom").asString()).isEqualTo(today().toString());
        assertThat(zhangs.get("validUntil").asString()).isEqualTo(today().plusDays(29).toString());
        assertThat(zhangs.get("state").asString()).isEqualTo("ISSUED");
        assertThat(onlyCoupon(li).get("id").asString()).isNotEqualTo(zhangs.get("id").asString());
        HttpResponse<String> seenByAgent = agent.get("/ops/v1/marketing/customers/" + zhang + "/coupons");
        assertThat(seenByAgent.statusCode()).isEqualTo(200);
        assertThat(body(seenByAgent).get(0).get("id").asString()).isEqualTo(zhangs.get("id").asString());

        JsonNode record = body(supervisor.get("/ops/v1/audit?action=coupon.issue&subjectId=" + campaign)).get("records").get(0);
        assertThat(record.get("actor").asString()).isEqualTo("supervisor-li");
        assertThat(record.get("reason").asString()).isEqualTo("loyal customers");
        assertThat(record.get("after").get("couponByCustomer").get(zhang.toString()).asString())
                .isEqualTo(zhangs.get("id").asString());
    }

    @Test
    void onlySupervisorsAndAdministratorsIssueCoupons() {
        UUID campaign = createCampaign(CampaignRequests.rateDiscount());
        UUID customer = UUID.randomUUID();

        assertThat(issue(agent, campaign, customer).statusCode()).isEqualTo(403);
        HttpProbe finance = HttpProbe.localhost(port).bearer(TestTokens.staff("finance-zhao", "FINANCE"));
        assertThat(issue(finance, campaign, customer).statusCode()).isEqualTo(403);
        assertThat(ownCoupons(customer)).isEmpty();

        HttpProbe admin = HttpProbe.localhost(port).bearer(TestTokens.staff("admin-chen", "ADMIN"));
        assertThat(issue(admin, campaign, customer).statusCode()).isEqualTo(201);
        assertThat(ownCoupons(customer)).hasSize(1);
    }

    @Test
    void aRetriedIssuanceWithTheSameKeyIssuesNothingTwice() {
        UUID campaign = createCampaign(CampaignRequests.rateDiscount());
        UUID customer = UUID.randomUUID();
        String request = """
                {"campaignId": "%s", "customerIds": ["%s"], "reason": "apology for downtime"}
                """.formatted(campaign, customer);
        Map<String, String> key = Map.of("Idempotency-Key", "issue-" + UUID.randomUUID());

        HttpResponse<String> first = supervisor.postJson("/ops/v1/marketing/coupons", request, key);
        HttpResponse<String> retry = supervisor.postJson("/ops/v1/marketing/coupons", request, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(body(retry).get("coupons").get(0).get("id")).isEqualTo(body(first).get("coupons").get(0).get("id"));
        assertThat(ownCoupons(customer)).hasSize(1);
    }

    @Test
    void aBadIssuanceNamesTheFieldAndIssuesNothing() {
        UUID campaign = createCampaign(CampaignRequests.rateDiscount());
        UUID customer = UUID.randomUUID();

        HttpResponse<String> twice = supervisor.postJson("/ops/v1/marketing/coupons", """
                {"campaignId": "%s", "customerIds": ["%s", "%s"], "reason": " "}
                """.formatted(campaign, customer, customer), Map.of("Idempotency-Key", "issue-" + UUID.randomUUID()));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(fields(twice)).containsExactlyInAnyOrder("customerIds[1]", "reason");

        HttpResponse<String> nobody = supervisor.postJson("/ops/v1/marketing/coupons", """
                {"campaignId": "%s", "customerIds": [], "reason": "x"}
                """.formatted(campaign), Map.of("Idempotency-Key", "issue-" + UUID.randomUUID()));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(fields(nobody)).containsExactly("customerIds");

        assertThat(issue(supervisor, UUID.randomUUID(), customer).statusCode()).isEqualTo(404);

        assertThat(delete(TestTokens.staff("supervisor-li", "OPS_SUPERVISOR"),
                "/ops/v1/marketing/campaigns/" + campaign + "?reason=budget%20spent").statusCode()).isEqualTo(200);
        HttpResponse<String> ended = issue(supervisor, campaign, customer);
        assertThat(ended.statusCode()).isEqualTo(409);
        assertThat(body(ended).get("detail").asString()).contains("ended");

        assertThat(ownCoupons(customer)).isEmpty();
    }

    @Test
    void gradeAAndBCustomersGetTheLaunchCouponOnceHoweverOftenTheirLineIsGranted() {
        UUID gradeA = UUID.randomUUID();
        UUID gradeB = UUID.randomUUID();

        Envelope first = marketing.lineGranted(gradeA, "A");
        Envelope regrant = marketing.lineGranted(gradeA, "A");
        Envelope forB = marketing.lineGranted(gradeB, "B");
        MarketingProbe.awaitHandled(jdbc, first);
        MarketingProbe.awaitHandled(jdbc, regrant);
        MarketingProbe.awaitHandled(jdbc, forB);

        List<JsonNode> launch = launchCoupons(gradeA);
        assertThat(launch).hasSize(1);
        JsonNode coupon = launch.getFirst();
        assertThat(coupon.get("kind").asString()).isEqualTo("RATE_DISCOUNT");
        assertThat(coupon.get("discountedRate").asString()).isEqualTo("0.091250");
        assertThat(coupon.get("minimumAmount").asString()).isEqualTo("100.00");
        assertThat(coupon.get("allowedTerms").toString()).isEqualTo("[3,6,12]");
        assertThat(coupon.get("validUntil").asString()).isEqualTo(today().plusDays(29).toString());
        assertThat(coupon.get("state").asString()).isEqualTo("ISSUED");
        assertThat(launchCoupons(gradeB)).hasSize(1);
        assertThat(jdbc.sql("select issued_by from coupon where customer_id = ? and campaign_id = ?")
                .param(gradeA).param(LAUNCH_CAMPAIGN).query(String.class).single()).isEqualTo("rule:CreditLineGranted");
    }

    @Test
    void aGradeCCustomerGetsNoLaunchCoupon() {
        UUID gradeC = UUID.randomUUID();

        MarketingProbe.awaitHandled(jdbc, marketing.lineGranted(gradeC, "C"));

        assertThat(launchCoupons(gradeC)).isEmpty();
    }

    @Test
    void aCampaignsRuleCoversOnlyItsGradesAndAnEndedCampaignIssuesNoMore() {
        UUID campaign = createCampaign(CampaignRequests.interestFreeWeek("[\"D\"]"));
        UUID first = UUID.randomUUID();
        MarketingProbe.awaitHandled(jdbc, marketing.lineGranted(first, "D"));
        assertThat(ownCoupons(first)).extracting(c -> c.get("campaignId").asString()).containsExactly(campaign.toString());
        assertThat(ownCoupons(first).getFirst().get("interestFreeDays").asInt()).isEqualTo(7);

        delete(TestTokens.staff("admin-chen", "ADMIN"), "/ops/v1/marketing/campaigns/" + campaign + "?reason=over");
        UUID late = UUID.randomUUID();
        MarketingProbe.awaitHandled(jdbc, marketing.lineGranted(late, "D"));
        assertThat(ownCoupons(late)).isEmpty();
        // Coupons issued before the end stay usable.
        assertThat(ownCoupons(first).getFirst().get("state").asString()).isEqualTo("ISSUED");
    }

    @Test
    void aCustomerSeesOnlyTheirOwnCoupons() {
        UUID owner = UUID.randomUUID();
        UUID coupon = issueCoupon(createCampaign(CampaignRequests.rateDiscount()), owner);

        HttpResponse<String> someoneElse = customer(UUID.randomUUID()).get("/api/v1/customers/" + owner + "/coupons");
        assertThat(someoneElse.statusCode()).isEqualTo(404);
        assertThat(someoneElse.body()).doesNotContain(coupon.toString());

        HttpResponse<String> unnamed = HttpProbe.localhost(port).bearer(TestTokens.appBackend())
                .get("/api/v1/customers/" + owner + "/coupons");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(fields(unnamed)).containsExactly("X-Customer-Id");

        assertThat(ownCoupons(owner)).extracting(c -> c.get("id").asString()).containsExactly(coupon.toString());
    }

    @Test
    void theQuoteApiReadsACouponWithItsOwnerAndTermsOverTheInternalApiOnly() {
        UUID owner = UUID.randomUUID();
        UUID coupon = issueCoupon(createCampaign(CampaignRequests.rateDiscount()), owner);

        HttpResponse<String> read = service.get("/internal/v1/coupons/" + coupon);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode view = body(read);
        assertThat(view.get("customerId").asString()).isEqualTo(owner.toString());
        assertThat(view.get("discountedRate").asString()).isEqualTo("0.091250");
        assertThat(view.get("minimumAmount").asString()).isEqualTo("100.00");
        assertThat(view.get("allowedTerms").toString()).isEqualTo("[3,6,12]");
        assertThat(view.get("validUntil").asString()).isEqualTo(today().plusDays(29).toString());

        assertThat(service.get("/internal/v1/coupons/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(customer(owner).get("/internal/v1/coupons/" + coupon).statusCode()).isEqualTo(403);
    }

    private List<JsonNode> ownCoupons(UUID customer) {
        HttpResponse<String> response = customer(customer).get("/api/v1/customers/" + customer + "/coupons");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> coupons = new ArrayList<>();
        body(response).forEach(coupons::add);
        return coupons;
    }

    private JsonNode onlyCoupon(UUID customer) {
        List<JsonNode> coupons = ownCoupons(customer);
        assertThat(coupons).hasSize(1);
        return coupons.getFirst();
    }

    private List<JsonNode> launchCoupons(UUID customer) {
        return ownCoupons(customer).stream()
                .filter(c -> c.get("campaignId").asString().equals(LAUNCH_CAMPAIGN.toString())).toList();
    }

    private List<String> fields(HttpResponse<String> problem) {
        List<String> fields = new ArrayList<>();
        body(problem).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
