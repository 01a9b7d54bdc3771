package com.lendflow.antifraud.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.antifraud.AntifraudProbe;
import com.lendflow.antifraud.Applications;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_antifraud")
class RuleAndBlacklistOpsTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    AntifraudProbe antifraud;
    HttpProbe anonymous;
    String analyst = TestTokens.staff("analyst-chen", "RISK_ANALYST");
    String agent = TestTokens.staff("agent-li", "OPS_AGENT");
    String admin = TestTokens.staff("admin-zhao", "ADMIN");

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        antifraud = new AntifraudProbe(codec, port);
        anonymous = HttpProbe.localhost(port);
    }

    private JsonNode rule(String code) {
        HttpResponse<String> response = anonymous.bearer(agent).get("/ops/v1/antifraud/rules/" + code);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> changeRootedWeight(int weight, long version) {
        return antifraud.put("/ops/v1/antifraud/rules/ROOTED_DEVICE", analyst, """
                {"enabled":true,"params":{},"weight":%d,"action":"NONE","version":%d,"reason":"rooted phones drive 2026 Q1 losses"}"""
                .formatted(weight, version));
    }

    @Test
    void aRuleChangeIsAuditedAndTakesEffect() {
        long version = rule("ROOTED_DEVICE").get("version").asLong();
        assertThat(antifraud.assess(Applications.by(UUID.randomUUID(), Applications.rooted())).result()).isEqualTo("PASS");

        HttpResponse<String> changed = changeRootedWeight(70, version);
        try {
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(json.readTree(changed.body()).get("version").asLong()).isEqualTo(version + 1);
            assertThat(json.readTree(changed.body()).get("updatedBy").asString()).isEqualTo("analyst-chen");

            FraudRiskAssessed rooted = antifraud.assess(Applications.by(UUID.randomUUID(), Applications.rooted()));
            assertThat(rooted.result()).isEqualTo("REVIEW");
            assertThat(rooted.score()).isEqualTo(70);

            JsonNode record = json.readTree(anonymous.bearer(admin)
                    .get("/ops/v1/audit?action=rule.change&subjectId=ROOTED_DEVICE").body()).get("records").get(0);
            assertThat(record.get("actor").asString()).isEqualTo("analyst-chen");
            assertThat(record.get("before").get("weight").asInt()).isEqualTo(15);
            assertThat(record.get("after").get("weight").asInt()).isEqualTo(70);
            assertThat(record.get("reason").asString()).isEqualTo("rooted phones drive 2026 Q1 losses");
            assertThat(record.get("occurredAt").asString()).isNotBlank();
        } finally {
            changeRootedWeight(15, version + 1);
        }
    }

    @Test
    void aChangeBasedOnAStaleVersionIsAConflict() {
        long version = rule("ROOTED_DEVICE").get("version").asLong();
        HttpResponse<String> stale = changeRootedWeight(15, version - 1 < 0 ? version + 5 : version + 5);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(rule("ROOTED_DEVICE").get("version").asLong()).isEqualTo(version);
    }

    static List<Arguments> badRuleChanges() {
        return List.of(
                Arguments.of("threshold below its range",
                        "{\"enabled\":true,\"params\":{\"maxApplications\":0,\"windowMinutes\":60},\"weight\":40,\"action\":\"REVIEW\",\"version\":1,\"reason\":\"x\"}",
                        "params.maxApplications"),
                Arguments.of("unknown parameter",
                        "{\"enabled\":true,\"params\":{\"maxApplications\":3,\"windowMinutes\":60,\"colour\":1},\"weight\":40,\"action\":\"REVIEW\",\"version\":1,\"reason\":\"x\"}",
                        "params.colour"),
                Arguments.of("missing parameter",
                        "{\"enabled\":true,\"params\":{\"maxApplications\":3},\"weight\":40,\"action\":\"REVIEW\",\"version\":1,\"reason\":\"x\"}",
                        "params.windowMinutes"),
                Arguments.of("weight too high",
                        "{\"enabled\":true,\"params\":{\"maxApplications\":3,\"windowMinutes\":60},\"weight\":5000,\"action\":\"REVIEW\",\"version\":1,\"reason\":\"x\"}",
                        "weight"),
                Arguments.of("unknown action",
                        "{\"enabled\":true,\"params\":{\"maxApplications\":3,\"windowMinutes\":60},\"weight\":40,\"action\":\"MAYBE\",\"version\":1,\"reason\":\"x\"}",
                        "action"),
                Arguments.of("text where a number belongs",
                        "{\"enabled\":true,\"params\":{\"maxApplications\":\"three\",\"windowMinutes\":60},\"weight\":40,\"action\":\"REVIEW\",\"version\":1,\"reason\":\"x\"}",
                        "params.maxApplications"),
                Arguments.of("no reason",
                        "{\"enabled\":true,\"params\":{\"maxApplications\":3,\"windowMinutes\":60},\"weight\":40,\"action\":\"REVIEW\",\"version\":1}",
                        "reason"),
                Arguments.of("unknown field",
                        "{\"enabled\":true,\"params\":{\"maxApplications\":3,\"windowMinutes\":60},\"weight\":40,\"action\":\"REVIEW\",\"version\":1,\"reason\":\"x\",\"score\":1}",
                        "score"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRuleChanges")
    void badRuleInputIsA400NamingTheFieldAndChangesNothing(String why, String body, String field) {
        long version = rule("DEVICE_VELOCITY").get("version").asLong();

        HttpResponse<String> response = antifraud.put("/ops/v1/antifraud/rules/DEVICE_VELOCITY", analyst, body);

        assertThat(response.statusCode()).as(why + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("errors").valueStream()
                .anyMatch(error -> error.get("field").asString().equals(field))).as(response.body()).isTrue();
        assertThat(rule("DEVICE_VELOCITY").get("version").asLong()).isEqualTo(version);
    }

    @Test
    void badThresholdsAreA400NamingTheField() {
        HttpResponse<String> response = antifraud.put("/ops/v1/antifraud/decision-thresholds", analyst,
                "{\"reviewScore\":120,\"rejectScore\":100,\"version\":1,\"reason\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("reviewScore");
    }

    @Test
    void onlyRiskAnalystsAndAdministratorsChangeRules() {
        long version = rule("ROOTED_DEVICE").get("version").asLong();
        String body = "{\"enabled\":true,\"params\":{},\"weight\":99,\"action\":\"NONE\",\"version\":%d,\"reason\":\"x\"}"
                .formatted(version);

        assertThat(antifraud.put("/ops/v1/antifraud/rules/ROOTED_DEVICE", agent, body).statusCode()).isEqualTo(403);
        assertThat(antifraud.put("/ops/v1/antifraud/rules/ROOTED_DEVICE", TestTokens.staff("sup", "OPS_SUPERVISOR"), body)
                .statusCode()).isEqualTo(403);
        assertThat(antifraud.put("/ops/v1/antifraud/rules/ROOTED_DEVICE", TestTokens.appBackend(), body).statusCode())
                .isEqualTo(403);
        assertThat(anonymous.bearer(TestTokens.appBackend()).get("/ops/v1/antifraud/rules").statusCode()).isEqualTo(403);
        assertThat(rule("ROOTED_DEVICE").get("weight").asInt()).isEqualTo(15);
    }

    @Test
    void everyRuleIsListedWithItsParameters() {
        JsonNode rules = json.readTree(anonymous.bearer(agent).get("/ops/v1/antifraud/rules").body());
        assertThat(rules.size()).as("13 application rules and 3 drawdown rules").isEqualTo(16);
        assertThat(rules.valueStream().filter(r -> r.get("stages").toString().contains("DRAWDOWN"))
                .map(r -> r.get("code").asString()))
                .containsExactlyInAnyOrder("BLACKLISTED_DEVICE", "NEW_DEVICE", "CARD_CHANGED_RECENTLY", "DRAWDOWN_VELOCITY");
        JsonNode age = rules.valueStream().filter(r -> r.get("code").asString().equals("AGE_OUT_OF_RANGE")).findFirst()
                .orElseThrow();
        assertThat(age.get("params").get("minAge").asInt()).isEqualTo(18);
        assertThat(age.get("params").get("maxAge").asInt()).isEqualTo(55);
    }

    @Test
    void aBlacklistEntryIsMaskedAuditedAndRemovable() {
        String mobile = Applications.mobile();
        HttpResponse<String> added = anonymous.bearer(analyst).postJson("/ops/v1/antifraud/blacklist",
                "{\"kind\":\"MOBILE\",\"value\":\"" + mobile + "\",\"reason\":\"reported as a mule account\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        JsonNode entry = json.readTree(added.body());
        String id = entry.get("id").asString();
        assertThat(entry.get("value").asString()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        assertThat(added.body()).doesNotContain(mobile);

        HttpResponse<String> twice = anonymous.bearer(analyst).postJson("/ops/v1/antifraud/blacklist",
                "{\"kind\":\"MOBILE\",\"value\":\"" + mobile + "\",\"reason\":\"again\"}");
        assertThat(twice.statusCode()).isEqualTo(409);

        HttpResponse<String> listed = anonymous.bearer(agent).get("/ops/v1/antifraud/blacklist?kind=MOBILE&size=200");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id).doesNotContain(mobile);

        FraudRiskAssessed assessed = antifraud.assess(new com.lendflow.contracts.antifraud.AssessFraudRisk(UUID.randomUUID(),
                UUID.randomUUID(), "李四", com.lendflow.antifraud.IdNumbers.ordinary(), mobile, Applications.device(),
                java.time.Instant.now()));
        assertThat(assessed.firedRules()).containsExactly("BLACKLISTED_MOBILE");

        assertThat(antifraud.delete("/ops/v1/antifraud/blacklist/" + id, analyst).statusCode()).isEqualTo(400);
        assertThat(antifraud.delete("/ops/v1/antifraud/blacklist/" + id, agent).statusCode()).isEqualTo(403);
        assertThat(antifraud.delete("/ops/v1/antifraud/blacklist/" + id + "?reason=court%20cleared%20the%20number", analyst)
                .statusCode()).isEqualTo(204);
        assertThat(antifraud.delete("/ops/v1/antifraud/blacklist/" + id + "?reason=again", analyst).statusCode())
                .isEqualTo(404);

        String trail = anonymous.bearer(admin).get("/ops/v1/audit?subjectType=blacklist-entry&subjectId=" + id).body();
        JsonNode records = json.readTree(trail).get("records");
        assertThat(records.size()).isEqualTo(2);
        assertThat(trail).doesNotContain(mobile).contains("blacklist.add").contains("blacklist.remove");
        String stored = jdbc.sql("select coalesce(string_agg(b::text, ''), '') from blacklist_entry b").query(String.class).single();
        assertThat(stored).doesNotContain(mobile);
    }

    @Test
    void aMalformedBlacklistValueIsA400NamingTheField() {
        HttpResponse<String> response = anonymous.bearer(analyst).postJson("/ops/v1/antifraud/blacklist",
                "{\"kind\":\"WIFI_MAC\",\"value\":\"not-a-mac\",\"reason\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("value");

        HttpResponse<String> badKind = anonymous.bearer(analyst).postJson("/ops/v1/antifraud/blacklist",
                "{\"kind\":\"EMAIL\",\"value\":\"x\",\"reason\":\"x\"}");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badKind.body()).get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }
}
