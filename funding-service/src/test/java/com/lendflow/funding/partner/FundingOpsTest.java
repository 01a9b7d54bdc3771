package com.lendflow.funding.partner;

import static com.lendflow.funding.FundingProbe.ADMIN;
import static com.lendflow.funding.FundingProbe.AGENT;
import static com.lendflow.funding.FundingProbe.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.funding.FundingReserved;
import com.lendflow.contracts.funding.ReserveFunding;
import com.lendflow.funding.FundingProbe;
import com.lendflow.funding.Partners;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_funding")
class FundingOpsTest {

    @Autowired Environment environment;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    FundingProbe funding;

    @BeforeEach
    void setUp() {
        funding = new FundingProbe(codec, environment.getRequiredProperty("local.server.port", Integer.class));
    }

    private JsonNode partner(String id) {
        HttpResponse<String> response = funding.get("/ops/v1/funding/partners/" + id, AGENT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode audit(String action, String subjectId) {
        HttpResponse<String> response = funding.get("/ops/v1/audit?action=" + action + "&subjectId=" + subjectId, ADMIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("records");
    }

    @Test
    void theLaunchPartnersAreListedInTheOrderTheyAreAsked() {
        HttpResponse<String> response = funding.get("/ops/v1/funding/partners", AGENT);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = json.readTree(response.body()).valueStream().map(p -> p.get("partnerId").asString()).toList();
        assertThat(ids).containsSubsequence("partner-bank-a", "partner-cfc-b", "partner-trust-c");
        JsonNode ningbo = partner("partner-bank-a");
        assertThat(ningbo.get("name").asString()).isEqualTo("宁波银行");
        assertThat(ningbo.get("fundingRate").asString()).isEqualTo("0.055000");
        assertThat(ningbo.get("eligibility").get("minAmount").asString()).isEqualTo("100.00");
        assertThat(ningbo.get("dailyPlan").asString()).isEqualTo("5000000.00");
    }

    @Test
    void financeAddsAndChangesAPartnerAndEachChangeIsAudited() {
        String id = Partners.newId("cfc");
        int term = Partners.uniqueTerm();
        HttpResponse<String> added = funding.put("/ops/v1/funding/partners/" + id, FINANCE,
                Partners.forTerm(40, term, "800000.00"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(json.readTree(added.body()).get("version").asLong()).isZero();

        HttpResponse<String> changed = funding.put("/ops/v1/funding/partners/" + id, FINANCE,
                Partners.body("测试银行", false, 15, "0.061500", "\"A\"", "500.00", "20000.00", String.valueOf(term),
                        "900000.00", 0L));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode now = partner(id);
        assertThat(now.get("version").asLong()).isEqualTo(1);
        assertThat(now.get("active").asBoolean()).isFalse();
        assertThat(now.get("priority").asInt()).isEqualTo(15);
        assertThat(now.get("fundingRate").asString()).isEqualTo("0.061500");
        assertThat(now.get("eligibility").get("grades").get(0).asString()).isEqualTo("A");
        assertThat(now.get("dailyPlan").asString()).isEqualTo("900000.00");
        assertThat(now.get("updatedBy").asString()).isEqualTo("finance-sun");

        JsonNode record = audit("funding-partner.change", id).get(0);
        assertThat(record.get("actor").asString()).isEqualTo("finance-sun");
        assertThat(record.get("before").get("priority").asInt()).isEqualTo(40);
        assertThat(record.get("after").get("priority").asInt()).isEqualTo(15);
        assertThat(record.get("after").get("active").asBoolean()).isFalse();
        assertThat(record.get("reason").asString()).isEqualTo("signed the 2026 funding agreement");
        assertThat(audit("funding-partner.add", id)).hasSize(1);
    }

    @Test
    void aChangeBasedOnAStaleVersionIsAConflictAndChangesNothing() {
        String id = Partners.newId("stale");
        funding.addPartner(id, Partners.forTerm(40, Partners.uniqueTerm(), "1000.00"));

        HttpResponse<String> stale = funding.put("/ops/v1/funding/partners/" + id, FINANCE,
                Partners.body("测试银行", true, 1, "0.060000", "\"A\"", "100.00", "500.00", "7", "1.00", 3L));
        HttpResponse<String> blind = funding.put("/ops/v1/funding/partners/" + id, FINANCE,
                Partners.forTerm(1, 7, "1.00"));

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(blind.statusCode()).as(blind.body()).isEqualTo(409);
        assertThat(partner(id).get("priority").asInt()).isEqualTo(40);
        assertThat(partner(id).get("version").asLong()).isZero();
    }

    static List<Arguments> badPartners() {
        return List.of(
                Arguments.of("no name", "{\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[\"A\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"1000\",\"reason\":\"x\"}", "name"),
                Arguments.of("a rate above the cap", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.30\",\"grades\":[\"A\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"1000\",\"reason\":\"x\"}", "fundingRate"),
                Arguments.of("a rate of zero", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0\",\"grades\":[\"A\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"1000\",\"reason\":\"x\"}", "fundingRate"),
                Arguments.of("an unknown grade", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[\"Q\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"1000\",\"reason\":\"x\"}", "grades[0]"),
                Arguments.of("no grades", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"1000\",\"reason\":\"x\"}", "grades"),
                Arguments.of("min above max", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[\"A\"],\"minAmount\":\"600\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"1000\",\"reason\":\"x\"}", "maxAmount"),
                Arguments.of("a fraction of a fen", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[\"A\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"1000.001\",\"reason\":\"x\"}", "dailyPlan"),
                Arguments.of("a negative plan", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[\"A\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"-1\",\"reason\":\"x\"}", "dailyPlan"),
                Arguments.of("a term of no months", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[\"A\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[0],\"dailyPlan\":\"1000\",\"reason\":\"x\"}", "termMonths[0]"),
                Arguments.of("a term twice", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[\"A\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3,3],\"dailyPlan\":\"1000\",\"reason\":\"x\"}", "termMonths"),
                Arguments.of("no reason", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[\"A\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"1000\"}", "reason"),
                Arguments.of("an unknown field", "{\"name\":\"n\",\"active\":true,\"priority\":1,\"fundingRate\":\"0.06\",\"grades\":[\"A\"],\"minAmount\":\"100\",\"maxAmount\":\"500\",\"termMonths\":[3],\"dailyPlan\":\"1000\",\"reason\":\"x\",\"colour\":\"red\"}", "colour"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPartners")
    void badPartnerInputIsA400NamingTheFieldAndAddsNothing(String why, String body, String field) {
        String id = Partners.newId("bad");

        HttpResponse<String> response = funding.put("/ops/v1/funding/partners/" + id, FINANCE, body);

        assertThat(response.statusCode()).as(why + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("errors").valueStream()
                .anyMatch(error -> error.get("field").asString().equals(field))).as(response.body()).isTrue();
        assertThat(funding.get("/ops/v1/funding/partners/" + id, AGENT).statusCode()).isEqualTo(404);
    }

    @Test
    void aPartnerIdOutsideTheFormatIsA400() {
        HttpResponse<String> response = funding.put("/ops/v1/funding/partners/Bank_A", FINANCE,
                Partners.forTerm(1, Partners.uniqueTerm(), "1000.00"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("partnerId");
    }

    @Test
    void onlyFinanceAndAdministratorsChangeFundingWhileEveryoneOnOpsReads() {
        String id = Partners.newId("roles");
        String body = Partners.forTerm(40, Partners.uniqueTerm(), "1000.00");
        String supervisor = TestTokens.staff("sup-wu", "OPS_SUPERVISOR");
        String analyst = TestTokens.staff("analyst-chen", "RISK_ANALYST");

        assertThat(funding.put("/ops/v1/funding/partners/" + id, AGENT, body).statusCode()).isEqualTo(403);
        assertThat(funding.put("/ops/v1/funding/partners/" + id, supervisor, body).statusCode()).isEqualTo(403);
        assertThat(funding.put("/ops/v1/funding/partners/" + id, analyst, body).statusCode()).isEqualTo(403);
        assertThat(funding.put("/ops/v1/funding/partners/" + id, TestTokens.appBackend(), body).statusCode()).isEqualTo(403);
        assertThat(funding.put("/ops/v1/funding/partners/partner-bank-a/plans/2040-01-01", AGENT,
                "{\"amount\":\"1\",\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(funding.post("/ops/v1/funding/partners/partner-bank-a/top-ups", supervisor,
                "{\"date\":\"2040-01-01\",\"amount\":\"1\",\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(funding.get("/ops/v1/funding/partners/" + id, AGENT).statusCode()).isEqualTo(404);

        assertThat(funding.put("/ops/v1/funding/partners/" + id, ADMIN, body).statusCode()).isEqualTo(200);
        for (String reader : List.of(AGENT, supervisor, analyst, FINANCE, ADMIN)) {
            assertThat(funding.get("/ops/v1/funding/positions", reader).statusCode()).isEqualTo(200);
        }
        assertThat(funding.get("/ops/v1/funding/positions", TestTokens.appBackend()).statusCode()).isEqualTo(403);
    }

    @Test
    void aDaysPlanAndItsTopUpsShowInThePositionsAndAreAudited() {
        String id = Partners.newId("plan");
        int term = Partners.uniqueTerm();
        funding.addPartner(id, Partners.forTerm(40, term, "1000.00"));
        LocalDate day = Partners.freshDay();

        HttpResponse<String> planned = funding.put("/ops/v1/funding/partners/" + id + "/plans/" + day, FINANCE,
                "{\"amount\":\"5000.00\",\"reason\":\"bank raised Friday's quota\"}");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        assertThat(json.readTree(planned.body()).get("plan").asString()).isEqualTo("5000.00");
        assertThat(json.readTree(planned.body()).get("ownPlan").asBoolean()).isTrue();

        UUID drawdown = UUID.randomUUID();
        funding.ask(ReserveFunding.TYPE, drawdown,
                new ReserveFunding(drawdown, UUID.randomUUID(), id, "4600.00", term, "A", day), FundingReserved.TYPE);
        HttpResponse<String> toppedUp = funding.post("/ops/v1/funding/partners/" + id + "/top-ups", FINANCE,
                "{\"date\":\"%s\",\"amount\":\"1000.00\",\"reason\":\"afternoon top-up\"}".formatted(day));
        assertThat(toppedUp.statusCode()).as(toppedUp.body()).isEqualTo(201);

        JsonNode positions = json.readTree(funding.get("/ops/v1/funding/positions?date=" + day, AGENT).body());
        assertThat(positions.get("businessDate").asString()).isEqualTo(day.toString());
        assertThat(positions.get("warningPercent").asInt()).isEqualTo(90);
        JsonNode position = positions.get("positions").valueStream()
                .filter(p -> p.get("partnerId").asString().equals(id)).findFirst().orElseThrow();
        assertThat(position.get("plan").asString()).isEqualTo("5000.00");
        assertThat(position.get("topUps").asString()).isEqualTo("1000.00");
        assertThat(position.get("totalPlan").asString()).isEqualTo("6000.00");
        assertThat(position.get("reserved").asString()).isEqualTo("4600.00");
        assertThat(position.get("remaining").asString()).isEqualTo("1400.00");
        assertThat(position.get("percentUsed").asString()).isEqualTo("76.66");
        assertThat(position.get("warnedAt").isNull()).as("92% before the top-up warned").isFalse();

        JsonNode plan = audit("funding-plan.change", id + "/" + day).get(0);
        assertThat(plan.get("actor").asString()).isEqualTo("finance-sun");
        assertThat(plan.get("before").get("plan").asString()).isEqualTo("1000.00");
        assertThat(plan.get("after").get("plan").asString()).isEqualTo("5000.00");
        assertThat(plan.get("reason").asString()).isEqualTo("bank raised Friday's quota");
        JsonNode topUp = audit("funding-position.top-up", id + "/" + day).get(0);
        assertThat(topUp.get("after").get("totalPlan").asString()).isEqualTo("6000.00");
        assertThat(topUp.get("reason").asString()).isEqualTo("afternoon top-up");
    }

    @Test
    void aPlanBelowWhatIsAlreadyReservedIsAConflictAndChangesNothing() {
        String id = Partners.newId("cut");
        int term = Partners.uniqueTerm();
        funding.addPartner(id, Partners.forTerm(40, term, "1000.00"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        UUID drawdown = UUID.randomUUID();
        funding.ask(ReserveFunding.TYPE, drawdown,
                new ReserveFunding(drawdown, UUID.randomUUID(), id, "800.00", term, "A", today), FundingReserved.TYPE);

        HttpResponse<String> plan = funding.put("/ops/v1/funding/partners/" + id + "/plans/" + today, FINANCE,
                "{\"amount\":\"500.00\",\"reason\":\"bank cut the quota\"}");
        HttpResponse<String> defaultPlan = funding.put("/ops/v1/funding/partners/" + id, FINANCE,
                Partners.body("测试银行", true, 40, "0.060000", "\"A\",\"B\"", "100.00", "50000.00",
                        String.valueOf(term), "500.00", 0L));

        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(409);
        assertThat(json.readTree(plan.body()).get("detail").asString()).contains("800.00");
        assertThat(defaultPlan.statusCode()).as(defaultPlan.body()).isEqualTo(409);
        assertThat(partner(id).get("dailyPlan").asString()).isEqualTo("1000.00");
        assertThat(audit("funding-plan.change", id + "/" + today)).isEmpty();
    }

    @Test
    void badPlansAndTopUpsAreA400NamingTheField() {
        String id = Partners.newId("badplan");
        funding.addPartner(id, Partners.forTerm(40, Partners.uniqueTerm(), "1000.00"));
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);

        assertField(funding.put("/ops/v1/funding/partners/" + id + "/plans/" + yesterday, FINANCE,
                "{\"amount\":\"10\",\"reason\":\"x\"}"), "date");
        assertField(funding.put("/ops/v1/funding/partners/" + id + "/plans/2040-13-01", FINANCE,
                "{\"amount\":\"10\",\"reason\":\"x\"}"), "date");
        assertField(funding.put("/ops/v1/funding/partners/" + id + "/plans/2040-01-01", FINANCE,
                "{\"amount\":\"-10\",\"reason\":\"x\"}"), "amount");
        assertField(funding.post("/ops/v1/funding/partners/" + id + "/top-ups", FINANCE,
                "{\"date\":\"2040-01-01\",\"amount\":\"0\",\"reason\":\"x\"}"), "amount");
        assertField(funding.post("/ops/v1/funding/partners/" + id + "/top-ups", FINANCE,
                "{\"date\":\"2040-01-01\",\"amount\":\"10.001\",\"reason\":\"x\"}"), "amount");
        assertField(funding.post("/ops/v1/funding/partners/" + id + "/top-ups", FINANCE,
                "{\"amount\":\"10\",\"reason\":\"x\"}"), "date");
        assertField(funding.post("/ops/v1/funding/partners/" + id + "/top-ups", FINANCE,
                "{\"date\":\"2040-01-01\",\"amount\":\"10\"}"), "reason");
        assertThat(funding.post("/ops/v1/funding/partners/no-such-partner/top-ups", FINANCE,
                "{\"date\":\"2040-01-01\",\"amount\":\"10\",\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(audit("funding-position.top-up", id + "/2040-01-01")).isEmpty();
    }

    private void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").valueStream()
                .anyMatch(error -> error.get("field").asString().equals(field))).as(response.body()).isTrue();
    }
}
