package com.lendflow.loanorder.creditapplication;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import com.lendflow.contracts.antifraud.FraudReviewConcluded;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import com.lendflow.contracts.creditdecision.AssessCreditRisk;
import com.lendflow.contracts.creditdecision.CreditRiskDecided;
import com.lendflow.contracts.esign.AuthorisationSigned;
import com.lendflow.contracts.esign.SignAuthorisation;
import com.lendflow.contracts.esign.SigningFailed;
import com.lendflow.contracts.limit.GrantCreditLine;
import com.lendflow.contracts.loanorder.CreditApplicationConcluded;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.loanorder.KafkaLog;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The credit-line saga, played through with the other services answering over Kafka. */
class CreditLineSagaTest extends CreditApplicationIntegrationTest {

    @Test
    void anOrdinaryApplicantIsApprovedWithTheDecisionsLimitAndRate() {
        Applicant applicant = registered();
        UUID id = applies(applicant);

        SignAuthorisation sign = services.command(Topics.ESIGN_COMMANDS, SignAuthorisation.TYPE, id).payload();
        assertThat(sign.customerId()).isEqualTo(applicant.customerId());
        assertThat(sign.fullName()).isEqualTo(applicant.name());
        assertThat(sign.idNumber()).isEqualTo(applicant.idNumber());
        assertThat(sign.signedOn()).isEqualTo(today());
        AuthorisationSigned signed = signs(id);

        AssessFraudRisk assess = services.command(Topics.ANTIFRAUD_COMMANDS, AssessFraudRisk.TYPE, id).payload();
        assertThat(assess.mobile()).isEqualTo(applicant.mobile());
        assertThat(assess.device().ip()).isEqualTo("203.0.113.7");
        assertThat(assess.device().wifiMac()).isEqualTo("3c:22:fb:1a:9e:01");
        assessesFraud(id, "PASS", 12);

        AssessCreditRisk decide = approves(id, "B", "50000.00", "0.0985");
        assertThat(decide.authorisation().documentId()).isEqualTo(signed.documentId());
        assertThat(decide.authorisation().sha256()).isEqualTo(signed.sha256());
        assertThat(decide.authorisation().signedAt()).isEqualTo(signed.signedAt());
        assertThat(decide.fraudResult()).isEqualTo("PASS");
        assertThat(decide.fraudScore()).isEqualTo(12);

        GrantCreditLine grant = grants(id);
        assertThat(grant.creditLimit()).isEqualTo("50000.00");
        assertThat(grant.annualRate()).isEqualTo("0.0985");
        assertThat(grant.grade()).isEqualTo("B");
        assertThat(grant.grantedOn()).isEqualTo(today());

        awaitState(id, "APPROVED");
        JsonNode mine = asCustomer(applicant, id);
        assertThat(mine.get("state").asString()).isEqualTo("APPROVED");
        assertThat(mine.get("outcome").get("creditLimit").asString()).isEqualTo("50000.00");
        assertThat(mine.get("outcome").get("annualRate").asString()).isEqualTo("0.0985");
        assertThat(mine.get("outcome").get("riskGrade").asString()).isEqualTo("B");
        assertThat(mine.get("outcome").get("expiresOn").asString()).isEqualTo(today().plusMonths(12).toString());

        JsonNode detail = asOps(id);
        List<String> states = timeline(detail).stream().filter(line -> line.get("kind").asString().equals("STATE_CHANGED"))
                .map(line -> line.get("state").asString()).toList();
        assertThat(states).containsExactly("AUTHORISATION_SIGNED", "FRAUD_CHECKED", "DECIDED", "LIMIT_GRANTED", "APPROVED");
        assertThat(sent(detail)).containsExactly("SignAuthorisation", "AssessFraudRisk", "AssessCreditRisk",
                "GrantCreditLine");
        assertThat(received(detail)).containsExactly("AuthorisationSigned", "FraudRiskAssessed", "CreditRiskDecided",
                "CreditLineGranted");
        assertThat(timeline(detail)).allSatisfy(line -> assertThat(line.get("at").asString()).isNotBlank());
        assertThat(timeline(detail).stream().filter(line -> line.path("messageId").isString())).hasSize(9);
        JsonNode decision = timeline(detail).stream()
                .filter(line -> "CreditRiskDecided".equals(line.path("messageType").asString(null))).findFirst().orElseThrow();
        assertThat(decision.get("details").get("reasons").get(0).asString()).isEqualTo("bureau: no delinquency");
        assertThat(detail.get("decision").get("creditLimit").asString()).isEqualTo("50000.00");
        assertThat(detail.get("application").get("applicantIdNumber").asString()).doesNotContain(applicant.idNumber());
        assertThat(detail.toString()).doesNotContain(applicant.idNumber()).doesNotContain(applicant.mobile());

        CreditApplicationConcluded concluded = concludedOf(id);
        assertThat(concluded.state()).isEqualTo("APPROVED");
        assertThat(concluded.customerId()).isEqualTo(applicant.customerId());
    }

    @Test
    void aFraudRejectionEndsRejectedAndTellsTheCustomerNothingAboutFraud() {
        Applicant applicant = registered();
        UUID id = applies(applicant);
        signs(id);

        assessesFraud(id, "REJECT", 95, "DEVICE_BLACKLISTED", "EMULATOR");

        JsonNode detail = awaitState(id, "REJECTED");
        assertThat(detail.get("application").get("reasonCode").asString()).isEqualTo("FRAUD_REJECTED");
        assertThat(detail.get("application").get("step").asString()).isEqualTo("ASSESS_FRAUD_RISK");
        assertThat(detail.get("reason").asString()).contains("DEVICE_BLACKLISTED");
        JsonNode mine = asCustomer(applicant, id);
        assertThat(mine.get("outcome").get("reasonCode").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(mine.get("outcome").get("message").asString()).isEqualTo("We can't offer you a credit line at the moment.");
        // Nothing about the rules or the score (95) reaches the customer; the ids may contain any digits.
        assertThat(mine.toString()).doesNotContainIgnoringCase("fraud").doesNotContain("BLACKLIST")
                .doesNotContainIgnoringCase("score");
        assertThat(mine.get("outcome").valueStream().map(JsonNode::asString)).doesNotContain("95");
        CreditApplicationConcluded concluded = concludedOf(id);
        assertThat(concluded.state()).isEqualTo("REJECTED");
        assertThat(concluded.step()).isEqualTo("ASSESS_FRAUD_RISK");
    }

    @Test
    void aFraudReviewWaitsForStaffThenContinuesToApproval() {
        Applicant applicant = registered();
        UUID id = applies(applicant);
        signs(id);
        FraudRiskAssessed review = assessesFraud(id, "REVIEW", 55, "DEVICE_SHARED");

        awaitState(id, "FRAUD_REVIEW");
        assertThat(asCustomer(applicant, id).get("state").asString()).isEqualTo("UNDER_REVIEW");
        services.reply(Topics.ANTIFRAUD_ASSESSMENT, id, FraudReviewConcluded.TYPE,
                new FraudReviewConcluded(id, review.assessmentId(), "PASS", "reviewer-liu", "device shared within one family"));
        AssessCreditRisk decide = approves(id, "C", "20000.00", "0.1450");
        assertThat(decide.fraudResult()).isEqualTo("PASS");
        assertThat(decide.fraudScore()).isEqualTo(55);
        grants(id);

        JsonNode detail = awaitState(id, "APPROVED");
        JsonNode concludedReview = timeline(detail).stream()
                .filter(line -> "FraudReviewConcluded".equals(line.path("messageType").asString(null))).findFirst().orElseThrow();
        assertThat(concludedReview.get("details").get("comment").asString()).isEqualTo("device shared within one family");
        assertThat(concludedReview.get("details").get("reviewer").asString()).isEqualTo("reviewer-liu");
        JsonNode assessed = timeline(detail).stream()
                .filter(line -> "FraudRiskAssessed".equals(line.path("messageType").asString(null))).findFirst().orElseThrow();
        assertThat(assessed.get("details").get("firedRules").get(0).asString()).isEqualTo("DEVICE_SHARED");
        assertThat(asCustomer(applicant, id).get("outcome").get("riskGrade").asString()).isEqualTo("C");
    }

    @Test
    void aCreditRejectionEndsRejected() {
        Applicant applicant = registered();
        UUID id = applies(applicant);
        signs(id);
        assessesFraud(id, "PASS", 10);
        services.command(Topics.CREDIT_DECISION_COMMANDS, AssessCreditRisk.TYPE, id);

        services.reply(Topics.CREDIT_DECISION_DECISION, id, CreditRiskDecided.TYPE, new CreditRiskDecided(id,
                UUID.randomUUID(), "REJECT", null, null, null, "BUREAU_SERIOUS_DELINQUENCY",
                List.of("bureau: 2 accounts 90+ days past due in the last 24 months"), 3, 7));

        JsonNode detail = awaitState(id, "REJECTED");
        assertThat(detail.get("application").get("reasonCode").asString()).isEqualTo("BUREAU_SERIOUS_DELINQUENCY");
        assertThat(detail.get("application").get("step").asString()).isEqualTo("ASSESS_CREDIT_RISK");
        assertThat(detail.get("reason").asString()).contains("90+ days past due");
        JsonNode mine = asCustomer(applicant, id);
        assertThat(mine.get("outcome").get("reasonCode").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(mine.toString()).doesNotContain("BUREAU").doesNotContain("delinquen");
    }

    @Test
    void aSigningFailureEndsFailedWithTheStepAndTheCode() {
        Applicant applicant = registered();
        UUID id = applies(applicant);
        services.command(Topics.ESIGN_COMMANDS, SignAuthorisation.TYPE, id);

        services.reply(Topics.ESIGN_DOCUMENT, id, SigningFailed.TYPE,
                new SigningFailed(id, "PROVIDER_REFUSED", "the provider refused the certificate for this identity"));

        JsonNode detail = awaitState(id, "FAILED");
        assertThat(detail.get("application").get("step").asString()).isEqualTo("SIGN_AUTHORISATION");
        assertThat(detail.get("application").get("reasonCode").asString()).isEqualTo("PROVIDER_REFUSED");
        assertThat(detail.get("reason").asString()).contains("refused the certificate");
        JsonNode mine = asCustomer(applicant, id);
        assertThat(mine.get("outcome").get("result").asString()).isEqualTo("FAILED");
        assertThat(mine.get("outcome").get("reasonCode").asString()).isEqualTo("AUTHORISATION_NOT_SIGNED");
        assertThat(mine.toString()).doesNotContain("PROVIDER").doesNotContain("certificate");
        assertThat(concludedOf(id).step()).isEqualTo("SIGN_AUTHORISATION");
    }

    @Test
    void aDuplicatedReplyAndAResentReplyChangeNothing() {
        Applicant applicant = registered();
        UUID id = applies(applicant);
        services.command(Topics.ESIGN_COMMANDS, SignAuthorisation.TYPE, id);
        AuthorisationSigned signed = new AuthorisationSigned(id, applicant.customerId(), UUID.randomUUID(), "ab".repeat(32),
                java.time.Instant.now());
        Envelope first = services.reply(Topics.ESIGN_DOCUMENT, id, AuthorisationSigned.TYPE, signed);
        awaitState(id, "AUTHORISATION_SIGNED");

        // Kafka redelivers the same message; esign-service answers a resent command with a new one.
        services.redeliver(Topics.ESIGN_DOCUMENT, first);
        Envelope resent = services.reply(Topics.ESIGN_DOCUMENT, id, AuthorisationSigned.TYPE, signed);
        // A message the saga does not wait for, on a reply topic, is skipped.
        services.reply(Topics.ESIGN_DOCUMENT, id, com.lendflow.contracts.MessageType.of("DocumentArchived", 1,
                DocumentArchived.class), new DocumentArchived(id, "archived"));

        awaitTimeline(id, "REPLY_IGNORED", "AuthorisationSigned", 1);
        JsonNode detail = asOps(id);
        assertThat(detail.get("application").get("state").asString()).isEqualTo("AUTHORISATION_SIGNED");
        assertThat(received(detail)).containsExactly("AuthorisationSigned");
        JsonNode ignored = timeline(detail).stream().filter(line -> line.get("kind").asString().equals("REPLY_IGNORED"))
                .findFirst().orElseThrow();
        assertThat(ignored.get("messageId").asString()).isEqualTo(resent.id().toString());
        assertThat(ignored.get("note").asString()).contains("already past");
        assertThat(inboxed(first.id())).isEqualTo(1);
        assertThat(sent(detail)).containsExactly("SignAuthorisation", "AssessFraudRisk");

        // The saga still moves on from where it was.
        assessesFraud(id, "PASS", 5);
        awaitState(id, "FRAUD_CHECKED");
    }

    @Test
    void aStepWithoutAReplyIsSentAgainThenFailsWithStepTimeout() {
        Applicant applicant = registered();
        UUID id = applies(applicant);

        Set<UUID> seen = new HashSet<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Envelope command = services.command(Topics.ESIGN_COMMANDS, SignAuthorisation.TYPE, id, seen).envelope();
            seen.add(command.id());
        }
        assertThat(seen).hasSize(3);

        JsonNode detail = awaitState(id, "FAILED");
        assertThat(detail.get("application").get("reasonCode").asString()).isEqualTo("STEP_TIMEOUT");
        assertThat(detail.get("application").get("step").asString()).isEqualTo("SIGN_AUTHORISATION");
        assertThat(detail.get("application").get("attempts").asInt()).isEqualTo(3);
        assertThat(detail.get("reason").asString()).contains("esign-service").contains("SignAuthorisation")
                .contains("3 attempt(s)");
        assertThat(timeline(detail).stream().filter(line -> line.get("kind").asString().equals("COMMAND_RESENT"))).hasSize(2);
        assertThat(timeline(detail).stream().filter(line -> line.get("kind").asString().equals("STEP_TIMED_OUT"))).hasSize(3);
        assertThat(asCustomer(applicant, id).get("outcome").get("reasonCode").asString()).isEqualTo("NOT_COMPLETED");
        assertThat(concludedOf(id).reasonCode()).isEqualTo("STEP_TIMEOUT");

        // A late answer after the end is kept for the record and changes nothing.
        services.reply(Topics.ESIGN_DOCUMENT, id, AuthorisationSigned.TYPE, new AuthorisationSigned(id,
                applicant.customerId(), UUID.randomUUID(), "cd".repeat(32), java.time.Instant.now()));
        awaitTimeline(id, "REPLY_IGNORED", "AuthorisationSigned", 1);
        assertThat(asOps(id).get("application").get("state").asString()).isEqualTo("FAILED");
    }

    @Test
    void aLineGrantedAfterTheGrantStepTimedOutApprovesTheApplicationAfterAll() {
        Applicant applicant = registered();
        UUID id = applies(applicant);
        signs(id);
        assessesFraud(id, "PASS", 8);
        approves(id, "A", "100000.00", "0.073");
        Set<UUID> seen = new HashSet<>();
        GrantCreditLine grant = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            LendflowServices.Received<GrantCreditLine> command =
                    services.command(Topics.LIMIT_COMMANDS, GrantCreditLine.TYPE, id, seen);
            seen.add(command.envelope().id());
            grant = command.payload();
        }
        awaitState(id, "FAILED");

        // limit-service did grant it, late: the line exists, so the application follows the fact.
        services.reply(Topics.LIMIT_CREDIT_LINE, id, com.lendflow.contracts.limit.CreditLineGranted.TYPE,
                new com.lendflow.contracts.limit.CreditLineGranted(id, applicant.customerId(), grant.creditLimit(),
                        grant.annualRate(), grant.grade(), grant.grantedOn().plusMonths(12), java.time.Instant.now()));

        JsonNode detail = awaitState(id, "APPROVED");
        assertThat(detail.get("application").get("reasonCode").isNull()).isTrue();
        assertThat(asCustomer(applicant, id).get("outcome").get("creditLimit").asString()).isEqualTo("100000.00");
        assertThat(timeline(detail).stream().anyMatch(line -> line.path("note").asString("").contains("after the step had timed out")))
                .isTrue();
    }

    /** Some other event on a reply topic, as esign-service might add one day. */
    record DocumentArchived(UUID documentId, String note) {
    }

    private CreditApplicationConcluded concludedOf(UUID id) {
        return KafkaLog.first(Topics.LOAN_ORDER_CREDIT_APPLICATION, record -> record.key().equals(id.toString()),
                        Duration.ofSeconds(20))
                .map(record -> codec.payloadOf(codec.decode(record.value()), CreditApplicationConcluded.TYPE))
                .orElseThrow(() -> new AssertionError("no CreditApplicationConcluded for " + id));
    }

    private long inboxed(UUID messageId) {
        return jdbc.sql("select count(*) from messaging.inbox where message_id = ?").param(messageId).query(Long.class).single();
    }

    private static List<String> sent(JsonNode detail) {
        return timeline(detail).stream()
                .filter(line -> line.get("kind").asString().equals("COMMAND_SENT"))
                .map(line -> line.get("messageType").asString()).toList();
    }

    private static List<String> received(JsonNode detail) {
        return timeline(detail).stream()
                .filter(line -> line.get("kind").asString().equals("REPLY_RECEIVED"))
                .map(line -> line.get("messageType").asString()).toList();
    }
}
