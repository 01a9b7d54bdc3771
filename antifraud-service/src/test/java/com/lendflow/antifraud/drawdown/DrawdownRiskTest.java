package com.lendflow.antifraud.drawdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.antifraud.AntifraudProbe;
import com.lendflow.antifraud.Applications;
import com.lendflow.antifraud.Drawdowns;
import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessDrawdownRisk;
import com.lendflow.contracts.antifraud.DrawdownRiskAssessed;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_antifraud")
class DrawdownRiskTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    AntifraudProbe antifraud;
    HttpProbe http;
    String analyst = TestTokens.staff("analyst-chen", "RISK_ANALYST");
    String agent = TestTokens.staff("agent-li", "OPS_AGENT");

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        antifraud = new AntifraudProbe(codec, port);
        http = HttpProbe.localhost(port);
    }

    /** A customer whose credit line was applied for from {@code phone}, as the credit-line saga left them. */
    private UUID customerWhoAppliedFrom(ApplicantDevice phone) {
        UUID customer = UUID.randomUUID();
        assertThat(antifraud.assess(Applications.by(customer, phone)).result()).isEqualTo("PASS");
        return customer;
    }

    @Test
    void borrowingFromTheApplicationPhoneToTheUsualCardPassesAndStaffCanSeeWhy() {
        ApplicantDevice phone = Applications.device();
        UUID customer = customerWhoAppliedFrom(phone);
        AssessDrawdownRisk drawdown = Drawdowns.by(customer, phone, UUID.randomUUID());

        DrawdownRiskAssessed assessed = antifraud.assess(drawdown);

        assertThat(assessed.drawdownId()).isEqualTo(drawdown.drawdownId());
        assertThat(assessed.result()).isEqualTo("PASS");
        assertThat(assessed.score()).isZero();
        assertThat(assessed.firedRules()).isEmpty();
        HttpResponse<String> explained = http.bearer(agent).get("/ops/v1/antifraud/drawdown-assessments/" + drawdown.drawdownId());
        assertThat(explained.statusCode()).as(explained.body()).isEqualTo(200);
        JsonNode view = json.readTree(explained.body());
        assertThat(view.get("result").asString()).isEqualTo("PASS");
        assertThat(view.get("amount").asString()).isEqualTo("100.00");
        assertThat(view.get("cardId").asString()).isEqualTo(drawdown.cardId().toString());
        assertThat(view.get("inputs").get("deviceSeenBefore").asBoolean()).isTrue();
        assertThat(view.get("inputs").get("drawdownsInWindow").asInt()).isEqualTo(1);
        assertThat(view.get("inputs").get("ip").asString()).endsWith(".*");
        assertThat(view.get("ruleVersions").has("NEW_DEVICE")).isTrue();
        assertThat(view.get("ruleVersions").has("EMULATOR")).as("an application rule did not decide").isFalse();
        assertThat(explained.body()).doesNotContain(phone.deviceId()).doesNotContain(phone.ip());
        String stored = jdbc.sql("select d::text from drawdown_assessment d where drawdown_id = ?")
                .param(drawdown.drawdownId()).query(String.class).single();
        assertThat(stored).doesNotContain(phone.deviceId()).doesNotContain(phone.ip());

        assertThat(http.bearer(agent).get("/ops/v1/antifraud/drawdown-assessments/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(http.bearer(TestTokens.staff("finance-wu", "FINANCE"))
                .get("/ops/v1/antifraud/drawdown-assessments/" + drawdown.drawdownId()).statusCode()).isEqualTo(403);
    }

    @Test
    void aNewPhoneAlonePassesButANewPhoneSendingToANewCardIsRejectedHoweverOftenItIsTried() {
        ApplicantDevice phone = Applications.device();
        UUID customer = customerWhoAppliedFrom(phone);
        UUID usualCard = UUID.randomUUID();
        assertThat(antifraud.assess(Drawdowns.by(customer, phone, usualCard)).result()).isEqualTo("PASS");

        DrawdownRiskAssessed newPhone = antifraud.assess(Drawdowns.by(customer, Applications.device(), usualCard));

        assertThat(newPhone.firedRules()).containsExactly("NEW_DEVICE");
        assertThat(newPhone.score()).isEqualTo(30);
        assertThat(newPhone.result()).isEqualTo("PASS");

        ApplicantDevice strangePhone = Applications.device();
        UUID strangeCard = UUID.randomUUID();
        DrawdownRiskAssessed takeover = antifraud.assess(Drawdowns.by(customer, strangePhone, strangeCard));

        assertThat(takeover.firedRules()).containsExactly("NEW_DEVICE", "CARD_CHANGED_RECENTLY");
        assertThat(takeover.score()).isEqualTo(60);
        assertThat(takeover.result()).isEqualTo("REJECT");
        DrawdownRiskAssessed retried = antifraud.assess(Drawdowns.by(customer, strangePhone, strangeCard));
        assertThat(retried.firedRules()).as("a rejected attempt does not make its phone or card familiar")
                .containsExactly("NEW_DEVICE", "CARD_CHANGED_RECENTLY");
        assertThat(retried.result()).isEqualTo("REJECT");
    }

    @Test
    void aCardLastUsedLongAgoIsNoRecentChange() {
        ApplicantDevice phone = Applications.device();
        UUID customer = customerWhoAppliedFrom(phone);
        UUID oldCard = UUID.randomUUID();
        UUID otherCard = UUID.randomUUID();
        Instant now = Instant.now();
        assertThat(antifraud.assess(Drawdowns.at(customer, phone, oldCard, now.minus(Duration.ofDays(30)))).firedRules())
                .isEmpty();

        DrawdownRiskAssessed toOtherCard = antifraud.assess(Drawdowns.at(customer, phone, otherCard, now.minus(Duration.ofDays(10))));
        DrawdownRiskAssessed backToOldCard = antifraud.assess(Drawdowns.at(customer, phone, oldCard, now));

        assertThat(toOtherCard.firedRules()).containsExactly("CARD_CHANGED_RECENTLY");
        assertThat(toOtherCard.result()).isEqualTo("PASS");
        assertThat(backToOldCard.firedRules()).as("the old card was first used 30 days ago, beyond 7").isEmpty();
        JsonNode fired = json.readTree(jdbc.sql("select fired_rules::text from drawdown_assessment where drawdown_id = ?")
                .param(toOtherCard.drawdownId()).query(String.class).single()).get(0);
        assertThat(fired.get("reason").asString()).contains("within 7 day(s)");
    }

    @Test
    void theSixthDrawdownOfADayIsRejected() {
        ApplicantDevice phone = Applications.device();
        UUID customer = customerWhoAppliedFrom(phone);
        UUID card = UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            assertThat(antifraud.assess(Drawdowns.by(customer, phone, card)).result()).as("drawdown %d", i).isEqualTo("PASS");
        }

        DrawdownRiskAssessed sixth = antifraud.assess(Drawdowns.by(customer, phone, card));

        assertThat(sixth.firedRules()).containsExactly("DRAWDOWN_VELOCITY");
        assertThat(sixth.result()).isEqualTo("REJECT");
    }

    @Test
    void aBlacklistedDeviceIsRejectedAtDrawdown() {
        ApplicantDevice phone = Applications.device();
        UUID customer = customerWhoAppliedFrom(phone);
        HttpResponse<String> listed = http.bearer(analyst).postJson("/ops/v1/antifraud/blacklist", """
                {"kind":"DEVICE","value":"%s","reason":"device seen in a takeover ring, case 2026-044"}"""
                .formatted(phone.deviceId()));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);

        DrawdownRiskAssessed assessed = antifraud.assess(Drawdowns.by(customer, phone, UUID.randomUUID()));

        assertThat(assessed.firedRules()).containsExactly("BLACKLISTED_DEVICE");
        assertThat(assessed.result()).isEqualTo("REJECT");
    }

    @Test
    void theSameDrawdownIsAssessedOnceAndAReSentCommandGetsTheFirstAnswerWhateverChangedSince() {
        ApplicantDevice phone = Applications.device();
        UUID customer = customerWhoAppliedFrom(phone);
        AssessDrawdownRisk drawdown = Drawdowns.by(customer, phone, UUID.randomUUID());
        Envelope command = antifraud.command(drawdown);
        antifraud.send(command);
        antifraud.send(command);
        DrawdownRiskAssessed first = antifraud.awaitDrawdownAssessed(drawdown.drawdownId(), 1).getFirst();
        assertThat(http.bearer(analyst).postJson("/ops/v1/antifraud/blacklist", """
                {"kind":"DEVICE","value":"%s","reason":"listed after the drawdown"}""".formatted(phone.deviceId()))
                .statusCode()).isEqualTo(201);

        antifraud.send(antifraud.command(drawdown)); // the saga asking again under a new message id

        List<DrawdownRiskAssessed> replies = antifraud.awaitDrawdownAssessed(drawdown.drawdownId(), 2);
        assertThat(replies).hasSize(2).containsOnly(first);
        assertThat(first.result()).isEqualTo("PASS");
        assertThat(jdbc.sql("select count(*) from drawdown_assessment where drawdown_id = ?").param(drawdown.drawdownId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from messaging.inbox where message_id = ?").param(command.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDrawdownRejectScoreIsStaffsToChangeAndEveryChangeIsAudited() {
        JsonNode before = json.readTree(http.bearer(agent).get("/ops/v1/antifraud/decision-thresholds").body());
        assertThat(before.get("drawdownRejectScore").asInt()).isEqualTo(60);
        long version = before.get("version").asLong();
        String change = """
                {"reviewScore":%d,"rejectScore":%d,"drawdownRejectScore":%d,"version":%d,"reason":"%s"}""";

        HttpResponse<String> changed = antifraud.put("/ops/v1/antifraud/decision-thresholds", analyst, change.formatted(
                before.get("reviewScore").asInt(), before.get("rejectScore").asInt(), 30, version,
                "phone swaps drove March takeovers"));
        try {
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(json.readTree(changed.body()).get("reviewScore").asInt()).isEqualTo(before.get("reviewScore").asInt());
            ApplicantDevice phone = Applications.device();
            UUID customer = customerWhoAppliedFrom(phone);
            DrawdownRiskAssessed newPhone = antifraud.assess(Drawdowns.by(customer, Applications.device(), UUID.randomUUID()));
            assertThat(newPhone.firedRules()).containsExactly("NEW_DEVICE");
            assertThat(newPhone.result()).isEqualTo("REJECT");

            JsonNode record = json.readTree(http.bearer(TestTokens.staff("admin-zhao", "ADMIN"))
                    .get("/ops/v1/audit?action=decision-thresholds.change").body()).get("records").get(0);
            assertThat(record.get("actor").asString()).isEqualTo("analyst-chen");
            assertThat(record.get("before").get("drawdownRejectScore").asInt()).isEqualTo(60);
            assertThat(record.get("after").get("drawdownRejectScore").asInt()).isEqualTo(30);
        } finally {
            HttpResponse<String> restored = antifraud.put("/ops/v1/antifraud/decision-thresholds", analyst, change.formatted(
                    before.get("reviewScore").asInt(), before.get("rejectScore").asInt(), 60, version + 1, "restore"));
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        }
    }

    @Test
    void drawdownRulesAreRowsOfTheRuleTableAndMayNotAskForAReview() {
        JsonNode rule = json.readTree(http.bearer(agent).get("/ops/v1/antifraud/rules/CARD_CHANGED_RECENTLY").body());
        assertThat(rule.get("stages").toString()).isEqualTo("[\"DRAWDOWN\"]");
        assertThat(rule.get("params").get("withinDays").asInt()).isEqualTo(7);
        long version = rule.get("version").asLong();

        HttpResponse<String> review = antifraud.put("/ops/v1/antifraud/rules/CARD_CHANGED_RECENTLY", analyst, """
                {"enabled":true,"params":{"withinDays":7},"weight":30,"action":"REVIEW","version":%d,"reason":"x"}"""
                .formatted(version));

        assertThat(review.statusCode()).as(review.body()).isEqualTo(400);
        assertThat(json.readTree(review.body()).get("errors").get(0).get("field").asString()).isEqualTo("action");
        assertThat(json.readTree(http.bearer(agent).get("/ops/v1/antifraud/rules/CARD_CHANGED_RECENTLY").body())
                .get("version").asLong()).isEqualTo(version);
    }
}
