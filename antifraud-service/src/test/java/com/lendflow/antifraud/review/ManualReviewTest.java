package com.lendflow.antifraud.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.antifraud.AntifraudProbe;
import com.lendflow.antifraud.Applications;
import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import com.lendflow.contracts.antifraud.FraudReviewConcluded;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_antifraud")
class ManualReviewTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    AntifraudProbe antifraud;
    HttpProbe anonymous;
    HttpProbe agent;
    HttpProbe supervisor;

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        antifraud = new AntifraudProbe(codec, port);
        anonymous = HttpProbe.localhost(port);
        agent = anonymous.bearer(TestTokens.staff("agent-li", "OPS_AGENT"));
        supervisor = anonymous.bearer(TestTokens.staff("supervisor-wang", "OPS_SUPERVISOR"));
    }

    /** An application from a Wi-Fi access point on the blacklist: REVIEW by default. */
    private AssessFraudRisk applicationForReview() {
        String mac = Applications.mac();
        HttpResponse<String> listed = anonymous.bearer(TestTokens.staff("analyst-chen", "RISK_ANALYST"))
                .postJson("/ops/v1/antifraud/blacklist", """
                        {"kind":"WIFI_MAC","value":"%s","reason":"access point of a device farm"}""".formatted(mac));
        assertThat(listed.statusCode()).isEqualTo(201);
        ApplicantDevice device = Applications.device("dev-" + UUID.randomUUID(), mac);
        return Applications.by(UUID.randomUUID(), device);
    }

    private String reviewIdOf(UUID applicationId) {
        return jdbc.sql("select id::text from manual_review where application_id = ?").param(applicationId)
                .query(String.class).single();
    }

    @Test
    void aReviewApprovedByASupervisorIsAnnouncedAndAudited() {
        AssessFraudRisk application = applicationForReview();
        FraudRiskAssessed assessed = antifraud.assess(application);
        assertThat(assessed.result()).isEqualTo("REVIEW");
        assertThat(assessed.firedRules()).containsExactly("BLACKLISTED_WIFI_MAC");
        String reviewId = reviewIdOf(application.applicationId());

        HttpResponse<String> queue = agent.get("/ops/v1/antifraud/reviews?status=PENDING&size=200");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(reviewId).contains("BLACKLISTED_WIFI_MAC")
                .doesNotContain(application.mobile()).doesNotContain(application.idNumber());

        HttpResponse<String> approved = supervisor.postJson("/ops/v1/antifraud/reviews/" + reviewId + "/approve",
                "{\"comment\":\"called the customer; a shared office network\"}");

        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode review = json.readTree(approved.body());
        assertThat(review.get("status").asString()).isEqualTo("APPROVED");
        assertThat(review.get("concludedBy").asString()).isEqualTo("supervisor-wang");
        FraudReviewConcluded concluded = antifraud.awaitConcluded(application.applicationId());
        assertThat(concluded.result()).isEqualTo("PASS");
        assertThat(concluded.assessmentId()).isEqualTo(assessed.assessmentId());
        assertThat(concluded.reviewer()).isEqualTo("supervisor-wang");
        assertThat(concluded.comment()).isEqualTo("called the customer; a shared office network");

        JsonNode record = json.readTree(supervisor.get("/ops/v1/audit?action=review.conclude&subjectId=" + reviewId).body())
                .get("records").get(0);
        assertThat(record.get("actor").asString()).isEqualTo("supervisor-wang");
        assertThat(record.get("before").get("status").asString()).isEqualTo("PENDING");
        assertThat(record.get("after").get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void theQueueCountsItsPendingReviewsAndOneConcludedLeavesIt() {
        long before = pendingCount();
        AssessFraudRisk application = applicationForReview();
        antifraud.assess(application);
        String reviewId = reviewIdOf(application.applicationId());
        assertThat(pendingCount()).isEqualTo(before + 1);
        assertThat(pendingCount()).isEqualTo(jdbc.sql("select count(*) from manual_review where status = 'PENDING'")
                .query(Long.class).single());

        supervisor.postJson("/ops/v1/antifraud/reviews/" + reviewId + "/reject", "{\"comment\":\"device farm\"}");

        assertThat(pendingCount()).isEqualTo(before);
        HttpResponse<String> rejected = agent.get("/ops/v1/antifraud/reviews/count?status=REJECTED");
        assertThat(json.readTree(rejected.body()).get("count").asLong()).isPositive();
        assertThat(anonymous.bearer(TestTokens.staff("finance-qian", "FINANCE"))
                .get("/ops/v1/antifraud/reviews/count").statusCode()).isEqualTo(403);
    }

    private long pendingCount() {
        HttpResponse<String> response = agent.get("/ops/v1/antifraud/reviews/count?status=PENDING");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode count = json.readTree(response.body());
        assertThat(count.get("status").asString()).isEqualTo("PENDING");
        return count.get("count").asLong();
    }

    @Test
    void aConcludedReviewCannotBeConcludedAgain() {
        AssessFraudRisk application = applicationForReview();
        antifraud.assess(application);
        String reviewId = reviewIdOf(application.applicationId());
        assertThat(supervisor.postJson("/ops/v1/antifraud/reviews/" + reviewId + "/reject",
                "{\"comment\":\"same access point as a device farm\"}").statusCode()).isEqualTo(200);
        assertThat(antifraud.awaitConcluded(application.applicationId()).result()).isEqualTo("REJECT");

        HttpResponse<String> again = supervisor.postJson("/ops/v1/antifraud/reviews/" + reviewId + "/approve",
                "{\"comment\":\"changed my mind\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("type").asString())
                .isEqualTo("urn:lendflow:problem:review-already-concluded");
        assertThat(jdbc.sql("select status from manual_review where id = ?::uuid").param(reviewId).query(String.class)
                .single()).isEqualTo("REJECTED");
    }

    @Test
    void theSagaAskingAgainAfterAConclusionGetsTheAssessmentAndTheConclusion() {
        AssessFraudRisk application = applicationForReview();
        antifraud.assess(application);
        String reviewId = reviewIdOf(application.applicationId());
        supervisor.postJson("/ops/v1/antifraud/reviews/" + reviewId + "/reject", "{\"comment\":\"farm\"}");
        antifraud.awaitConcluded(application.applicationId());

        antifraud.send(antifraud.command(application));

        assertThat(antifraud.awaitAssessed(application.applicationId(), 2)).hasSize(2);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                antifraud.replies(application.applicationId(), FraudReviewConcluded.TYPE.name()).size() == 2);
    }

    @Test
    void anAgentMayReadTheQueueButNotConclude() {
        AssessFraudRisk application = applicationForReview();
        antifraud.assess(application);
        String reviewId = reviewIdOf(application.applicationId());

        HttpResponse<String> attempt = agent.postJson("/ops/v1/antifraud/reviews/" + reviewId + "/approve",
                "{\"comment\":\"looks fine to me\"}");

        assertThat(attempt.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select status from manual_review where id = ?::uuid").param(reviewId).query(String.class)
                .single()).isEqualTo("PENDING");
    }

    @Test
    void aConclusionWithoutACommentIsRefusedNamingTheField() {
        AssessFraudRisk application = applicationForReview();
        antifraud.assess(application);
        String reviewId = reviewIdOf(application.applicationId());

        HttpResponse<String> response = supervisor.postJson("/ops/v1/antifraud/reviews/" + reviewId + "/approve",
                "{\"comment\":\"  \"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("comment");
    }

    @Test
    void theAppBackendCannotSeeTheQueue() {
        HttpResponse<String> response = anonymous.bearer(TestTokens.appBackend()).get("/ops/v1/antifraud/reviews");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(anonymous.get("/ops/v1/antifraud/reviews").statusCode()).isEqualTo(401);
    }
}
