package com.lendflow.antifraud.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.antifraud.AntifraudProbe;
import com.lendflow.antifraud.Applications;
import com.lendflow.antifraud.IdNumbers;
import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
class FraudAssessmentTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    AntifraudProbe antifraud;
    HttpProbe http;
    String analyst = TestTokens.staff("analyst-chen", "RISK_ANALYST");

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        antifraud = new AntifraudProbe(codec, port);
        http = HttpProbe.localhost(port);
    }

    @Test
    void anOrdinaryApplicantPassesAndNoPersonalDataIsStored() {
        AssessFraudRisk application = Applications.ordinary();

        FraudRiskAssessed assessed = antifraud.assess(application);

        assertThat(assessed.result()).isEqualTo("PASS");
        assertThat(assessed.score()).isZero();
        assertThat(assessed.firedRules()).isEmpty();
        String stored = String.join("\n",
                String.join("\n", jdbc.sql("select a::text from assessment a where application_id = ?")
                        .param(application.applicationId()).query(String.class).list()),
                String.join("\n", jdbc.sql("select l::text from identity_link l where customer_id = ?")
                        .param(application.customerId()).query(String.class).list()),
                String.join("\n", jdbc.sql("select l::text from application_log l where application_id = ?")
                        .param(application.applicationId()).query(String.class).list()));
        assertThat(stored).contains(application.applicationId().toString())
                .doesNotContain(application.idNumber()).doesNotContain(application.mobile())
                .doesNotContain(application.device().deviceId()).doesNotContain(application.device().ip())
                .doesNotContain(application.device().wifiMac().toUpperCase()).doesNotContain(application.fullName());

        HttpResponse<String> explained = http.bearer(TestTokens.staff("agent-li", "OPS_AGENT"))
                .get("/ops/v1/antifraud/assessments/" + application.applicationId());
        assertThat(explained.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(explained.body());
        assertThat(view.get("result").asString()).isEqualTo("PASS");
        assertThat(view.get("ruleVersions").get("DEVICE_VELOCITY").asLong()).isPositive();
        assertThat(view.get("inputs").get("ip").asString()).endsWith(".*");
        assertThat(explained.body()).doesNotContain(application.idNumber()).doesNotContain(application.mobile());
    }

    @Test
    void aBlacklistedDeviceIsRejected() {
        ApplicantDevice device = Applications.device();
        HttpResponse<String> listed = http.bearer(analyst).postJson("/ops/v1/antifraud/blacklist", """
                {"kind":"DEVICE","value":"%s","reason":"device farm seized in case 2026-031"}""".formatted(device.deviceId()));
        assertThat(listed.statusCode()).isEqualTo(201);
        assertThat(listed.body()).doesNotContain(device.deviceId());

        FraudRiskAssessed assessed = antifraud.assess(Applications.by(UUID.randomUUID(), device));

        assertThat(assessed.result()).isEqualTo("REJECT");
        assertThat(assessed.firedRules()).contains("BLACKLISTED_DEVICE");
        assertThat(assessed.score()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aBlacklistedIdNumberIsRejected() {
        AssessFraudRisk application = Applications.ordinary();
        HttpResponse<String> listed = http.bearer(analyst).postJson("/ops/v1/antifraud/blacklist", """
                {"kind":"ID_NUMBER","value":"%s","reason":"identity theft reported"}""".formatted(application.idNumber()));
        assertThat(listed.statusCode()).isEqualTo(201);
        assertThat(json.readTree(listed.body()).get("value").asString()).contains("***").doesNotContain(application.idNumber());

        assertThat(antifraud.assess(application).firedRules()).containsExactly("BLACKLISTED_ID_NUMBER");
    }

    @Test
    void tooManyApplicationsFromOneDeviceGoToReview() {
        UUID customer = UUID.randomUUID();
        ApplicantDevice device = Applications.device();
        for (int i = 1; i <= 3; i++) {
            assertThat(antifraud.assess(Applications.by(customer, device)).firedRules()).as("application %d", i)
                    .doesNotContain("DEVICE_VELOCITY");
        }

        FraudRiskAssessed fourth = antifraud.assess(Applications.by(customer, device));

        assertThat(fourth.firedRules()).containsExactly("DEVICE_VELOCITY");
        assertThat(fourth.result()).isEqualTo("REVIEW");
        assertThat(jdbc.sql("select count(*) from manual_review where application_id = ?")
                .param(fourth.applicationId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLinkWithinKHopsToAKnownFraudsterRaisesTheScore() {
        UUID fraudster = UUID.randomUUID();
        UUID accomplice = UUID.randomUUID();
        String sharedDevice = "dev-" + UUID.randomUUID();
        String sharedWifi = Applications.mac();
        // fraudster --device-- accomplice --wifi-- applicant: the fraudster is two hops from the applicant.
        antifraud.assess(Applications.by(fraudster, Applications.device(sharedDevice, Applications.mac())));
        antifraud.assess(Applications.by(accomplice, Applications.device(sharedDevice, sharedWifi)));
        assertThat(http.bearer(analyst).postJson("/ops/v1/antifraud/fraudsters", """
                {"customerId":"%s","reason":"confirmed by police report 2026-17"}""".formatted(fraudster)).statusCode())
                .isEqualTo(201);

        FraudRiskAssessed assessed = antifraud.assess(Applications.by(UUID.randomUUID(),
                Applications.device("dev-" + UUID.randomUUID(), sharedWifi)));

        assertThat(assessed.firedRules()).containsExactly("FRAUD_GRAPH_PROXIMITY");
        assertThat(assessed.score()).isEqualTo(40);
        assertThat(assessed.result()).isEqualTo("PASS");
        JsonNode fired = json.readTree(jdbc.sql("select fired_rules::text from assessment where application_id = ?")
                .param(assessed.applicationId()).query(String.class).single()).get(0);
        assertThat(fired.get("reason").asString()).contains("2 hop(s)").contains("WIFI_MAC");
    }

    @Test
    void aBankCardSharedWithAKnownFraudsterIsOneHop() {
        UUID fraudster = UUID.randomUUID();
        AssessFraudRisk application = Applications.ordinary();
        String card = "card-index-" + UUID.randomUUID();
        // Bank cards reach the graph from payment-service (not yet sending them); the link rows are what matters.
        for (UUID customer : List.of(fraudster, application.customerId())) {
            jdbc.sql("insert into identity_link values (?, 'BANK_CARD', ?, now(), now())").param(customer).param(card).update();
        }
        jdbc.sql("insert into known_fraudster values (?, 'test', 'test', now())").param(fraudster).update();

        FraudRiskAssessed assessed = antifraud.assess(application);

        assertThat(assessed.firedRules()).containsExactly("FRAUD_GRAPH_PROXIMITY");
        assertThat(assessed.score()).isEqualTo(60);
        assertThat(assessed.result()).isEqualTo("REVIEW");
    }

    @Test
    void aWrongIdChecksumAndAnUnderageApplicantAreRejected() {
        assertThat(antifraud.assess(Applications.withIdNumber(IdNumbers.withWrongCheckCharacter())).firedRules())
                .containsExactly("ID_NUMBER_CHECKSUM");
        FraudRiskAssessed minor = antifraud.assess(Applications.withIdNumber(
                IdNumbers.bornOn(LocalDate.now().minusYears(17))));
        assertThat(minor.firedRules()).containsExactly("AGE_OUT_OF_RANGE");
        assertThat(minor.result()).isEqualTo("REJECT");
    }

    @Test
    void theSameCommandTwiceAssessesOnceAndASecondCommandGetsTheSameAnswer() {
        AssessFraudRisk application = Applications.ordinary();
        Envelope command = antifraud.command(application);
        antifraud.send(command);
        antifraud.send(command);
        // The saga asking again with a new message: same partition, so both copies above are handled first.
        antifraud.send(antifraud.command(application));

        List<FraudRiskAssessed> replies = antifraud.awaitAssessed(application.applicationId(), 2);

        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(jdbc.sql("select count(*) from assessment where application_id = ?").param(application.applicationId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from application_log where application_id = ?")
                .param(application.applicationId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from messaging.inbox where message_id = ?").param(command.id())
                .query(Long.class).single()).isEqualTo(1);
    }
}
