package com.lendflow.funding.routing;

import static com.lendflow.funding.FundingProbe.SAGA;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.funding.FundingProbe;
import com.lendflow.funding.Partners;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_funding")
class RoutingTest {

    @Autowired Environment environment;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    FundingProbe funding;

    @BeforeEach
    void setUp() {
        funding = new FundingProbe(codec, environment.getRequiredProperty("local.server.port", Integer.class));
    }

    private HttpResponse<String> route(String grade, String amount, int term, LocalDate date) {
        return funding.post("/internal/v1/funding/routes", SAGA, """
                {"grade":"%s","amount":"%s","termMonths":%d,"businessDate":"%s"}""".formatted(grade, amount, term, date));
    }

    private String routedTo(String grade, String amount, int term, LocalDate date) {
        HttpResponse<String> response = route(grade, amount, term, date);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("partnerId").asString();
    }

    @Test
    void aGradeBHundredYuanLoanOverThreeMonthsGoesToBankOfNingbo() {
        HttpResponse<String> response = route("B", "100.00", 3, Partners.freshDay());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode route = json.readTree(response.body());
        assertThat(route.get("partnerId").asString()).isEqualTo("partner-bank-a");
        assertThat(route.get("partnerName").asString()).isEqualTo("宁波银行");
        assertThat(route.get("remainingPlan").asString()).isEqualTo("5000000.00");
    }

    @Test
    void aLoanTheFirstPartnerDoesNotTakeGoesToTheNextByPriority() {
        // Grade D is beyond Bank of Ningbo's rules; the consumer-finance company, asked second, takes it.
        assertThat(routedTo("D", "100.00", 3, Partners.freshDay())).isEqualTo("partner-cfc-b");
        // Neither takes grade D over 24 months, and the trust takes only A and B.
        assertThat(route("D", "100.00", 24, Partners.freshDay()).statusCode()).isEqualTo(422);
    }

    @Test
    void routesByPriorityThenByWhatIsLeftOfTheDaysPlan() {
        int term = Partners.uniqueTerm();
        String first = Partners.newId("first");
        String smaller = Partners.newId("smaller");
        String larger = Partners.newId("larger");
        funding.addPartner(first, Partners.body("优先银行", true, 1, "0.050000", "\"A\"", "100.00", "50000.00",
                String.valueOf(term), "500.00", null));
        funding.addPartner(smaller, Partners.forTerm(5, term, "1000.00"));
        funding.addPartner(larger, Partners.forTerm(5, term, "3000.00"));
        LocalDate day = Partners.freshDay();

        assertThat(routedTo("A", "400.00", term, day)).as("lowest priority number first").isEqualTo(first);
        assertThat(routedTo("A", "600.00", term, day)).as("the first has only 500 planned").isEqualTo(larger);
        assertThat(routedTo("B", "200.00", term, day)).as("the first does not fund grade B; tie goes to more left")
                .isEqualTo(larger);
        assertThat(routedTo("B", "2000.00", term, day)).isEqualTo(larger);
    }

    @Test
    void anInactivePartnerIsNeverRouted() {
        int term = Partners.uniqueTerm();
        String resting = Partners.newId("resting");
        String working = Partners.newId("working");
        funding.addPartner(resting, Partners.body("休眠银行", false, 0, "0.050000", "\"A\",\"B\"", "100.00", "50000.00",
                String.valueOf(term), "100000.00", null));
        funding.addPartner(working, Partners.forTerm(50, term, "1000.00"));

        assertThat(routedTo("B", "100.00", term, Partners.freshDay())).isEqualTo(working);
    }

    @Test
    void noEligiblePartnerIsA422SayingSo() {
        HttpResponse<String> response = route("E", "100.00", 3, Partners.freshDay());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).endsWith("no-eligible-partner");
        assertThat(problem.get("detail").asString()).contains("grade E");
    }

    @Test
    void everyEligiblePartnerExhaustedIsA422SayingSo() {
        int term = Partners.uniqueTerm();
        String small = Partners.newId("small");
        funding.addPartner(small, Partners.forTerm(5, term, "150.00"));

        HttpResponse<String> response = route("A", "200.00", term, Partners.freshDay());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).endsWith("funding-exhausted");
        assertThat(problem.get("detail").asString()).contains(small);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a fraction of a fen | {\"grade\":\"B\",\"amount\":\"100.001\",\"termMonths\":3} | amount",
            "no amount | {\"grade\":\"B\",\"termMonths\":3} | amount",
            "a negative amount | {\"grade\":\"B\",\"amount\":\"-5\",\"termMonths\":3} | amount",
            "an unknown grade | {\"grade\":\"Z\",\"amount\":\"100\",\"termMonths\":3} | grade",
            "no term | {\"grade\":\"B\",\"amount\":\"100\"} | termMonths",
            "a date that is no date | {\"grade\":\"B\",\"amount\":\"100\",\"termMonths\":3,\"businessDate\":\"2026-02-30\"} | businessDate"})
    void badRouteRequestsAreA400NamingTheField(String why, String body, String field) {
        HttpResponse<String> response = funding.post("/internal/v1/funding/routes", SAGA, body);

        assertThat(response.statusCode()).as(why + ": " + response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").valueStream()
                .anyMatch(error -> error.get("field").asString().equals(field))).as(response.body()).isTrue();
    }

    @Test
    void onlyServicesAskForRoutes() {
        String body = "{\"grade\":\"B\",\"amount\":\"100\",\"termMonths\":3}";
        assertThat(funding.post("/internal/v1/funding/routes", TestTokens.appBackend(), body).statusCode()).isEqualTo(403);
        assertThat(funding.post("/internal/v1/funding/routes", FundingProbe.AGENT, body).statusCode()).isEqualTo(403);
    }
}
