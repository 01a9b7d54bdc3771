package com.lendflow.creditdecision.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.creditdecision.AssessCreditRisk;
import com.lendflow.contracts.creditdecision.CreditDecisionFailed;
import com.lendflow.contracts.creditdecision.CreditRiskDecided;
import com.lendflow.creditdecision.Applicants;
import com.lendflow.creditdecision.BureauSimulator;
import com.lendflow.creditdecision.CreditDecisionIntegrationTest;
import com.lendflow.creditdecision.CreditLineSaga;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CreditDecisionTest extends CreditDecisionIntegrationTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;
    @Autowired CircuitBreakerRegistry circuitBreakers;

    CreditLineSaga saga;
    HttpProbe ops;
    String analyst = TestTokens.staff("analyst-chen", "RISK_ANALYST");

    @BeforeEach
    void setUp() {
        saga = new CreditLineSaga(codec);
        ops = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
        BureauSimulator.behave();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @AfterEach
    void tearDown() {
        BureauSimulator.behave();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @Test
    void anOrdinaryApplicantIsApprovedWithAGradeALimitAndTheGradesRate() {
        String idNumber = Applicants.ordinaryIdNumber();
        // Points: never late 60, one inquiry 40, debt 12,300 in [10,000, 50,000) 35, fraud score 0 40, age 30s 40 = 215.
        BureauSimulator.record(idNumber, 0, 0, "12300.00", 1, 2);
        AssessCreditRisk assess = Applicants.applies(idNumber);

        Envelope command = saga.send(assess);
        Envelope reply = saga.reply(assess.applicationId());

        assertThat(reply.type()).isEqualTo(CreditRiskDecided.TYPE.name());
        assertThat(reply.correlationId()).as("the saga's correlation id, though decided after the bureau answered")
                .isEqualTo(command.correlationId());
        assertThat(reply.causationId()).isEqualTo(command.id());
        CreditRiskDecided decided = codec.payloadOf(reply, CreditRiskDecided.TYPE);
        assertThat(decided.outcome()).isEqualTo("APPROVE");
        assertThat(decided.grade()).isEqualTo("A");
        // Band A runs 200 to 230 (the scorecard's maximum): 215 is halfway, so 20,000 + 80,000 × 15/30 = 60,000;
        // the debt cap 100,000 − 12,300 = 87,700 does not bind.
        assertThat(decided.creditLimit()).isEqualTo("60000.00");
        assertThat(decided.annualRate()).isEqualTo("0.073");
        assertThat(decided.reasonCode()).isNull();
        assertThat(decided.scorecardVersion()).isEqualTo(1);
        JsonNode table = json.readTree(ops.bearer(analyst)
                .get("/ops/v1/credit-decision/grade-table?version=" + decided.gradeTableVersion()).body());
        JsonNode gradeA = table.get("grades").get(0);
        assertThat(gradeA.get("grade").asString()).isEqualTo("A");
        assertThat(new BigDecimal(decided.creditLimit())).isBetween(new BigDecimal(gradeA.get("minLimit").asString()),
                new BigDecimal(gradeA.get("maxLimit").asString()));
        assertThat(decided.annualRate()).isEqualTo(gradeA.get("annualRate").asString());
    }

    @Test
    void theDecisionExplainsItselfToStaffWithoutTheApplicantsIdentity() {
        String idNumber = Applicants.ordinaryIdNumber();
        BureauSimulator.record(idNumber, 0, 0, "12300.00", 1, 2);
        AssessCreditRisk assess = Applicants.applies(idNumber);
        saga.send(assess);
        CreditRiskDecided decided = codec.payloadOf(saga.reply(assess.applicationId()), CreditRiskDecided.TYPE);

        HttpResponse<String> response = ops.bearer(analyst).get("/ops/v1/credit-decision/decisions/" + assess.applicationId());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode view = json.readTree(response.body());
        assertThat(view.get("decisionId").asString()).isEqualTo(decided.decisionId().toString());
        assertThat(view.get("outcome").asString()).isEqualTo("APPROVE");
        assertThat(view.get("score").asInt()).isEqualTo(215);
        assertThat(view.get("creditLimit").asString()).isEqualTo("60000.00");
        assertThat(view.get("points").get("WORST_DAYS_PAST_DUE_24M").asInt()).isEqualTo(60);
        assertThat(view.get("points").get("TOTAL_DEBT").asInt()).isEqualTo(35);
        assertThat(view.get("inputs").get("bureau").get("source").asString()).isEqualTo("BUREAU");
        assertThat(view.get("inputs").get("bureau").get("totalOutstandingDebt").asString()).isEqualTo("12300.00");
        assertThat(view.get("inputs").get("fraud").get("result").asString()).isEqualTo("PASS");
        assertThat(view.get("inputs").get("applicantAge").asInt()).isBetween(30, 45);
        assertThat(view.get("reasons").toString()).contains("grade A").contains("Limit 60000.00");
        assertThat(view.get("reportReads").get(0).get("authorisationDocumentId").asString())
                .isEqualTo(assess.authorisation().documentId().toString());
        assertThat(response.body()).doesNotContain(idNumber).doesNotContain(Applicants.NAME).doesNotContain(Applicants.MOBILE);

        assertThat(ops.bearer(TestTokens.staff("agent-li", "OPS_AGENT"))
                .get("/ops/v1/credit-decision/decisions/" + assess.applicationId()).statusCode()).isEqualTo(403);
        assertThat(ops.bearer(analyst).get("/ops/v1/credit-decision/decisions/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSeriousDelinquencyAtTheBureauIsRejected() {
        String idNumber = Applicants.ordinaryIdNumber();
        BureauSimulator.record(idNumber, 120, 2, "56000.00", 1, 1);
        AssessCreditRisk assess = Applicants.applies(idNumber);

        saga.send(assess);
        CreditRiskDecided decided = codec.payloadOf(saga.reply(assess.applicationId()), CreditRiskDecided.TYPE);

        assertThat(decided.outcome()).isEqualTo("REJECT");
        assertThat(decided.reasonCode()).isEqualTo("BUREAU_SERIOUS_DELINQUENCY");
        assertThat(decided.grade()).isNull();
        assertThat(decided.creditLimit()).isNull();
        assertThat(decided.gradeTableVersion()).isZero();
        assertThat(decided.reasons()).anyMatch(reason -> reason.contains("worst days past due") && reason.contains("120"));
    }

    @Test
    void withoutASignedAuthorisationTheBureauIsNeverAsked() {
        String idNumber = Applicants.ordinaryIdNumber();
        AssessCreditRisk assess = Applicants.withoutAuthorisation(idNumber);

        saga.send(assess);
        Envelope reply = saga.reply(assess.applicationId());

        assertThat(reply.type()).isEqualTo(CreditDecisionFailed.TYPE.name());
        CreditDecisionFailed failed = codec.payloadOf(reply, CreditDecisionFailed.TYPE);
        assertThat(failed.code()).isEqualTo("NO_AUTHORISATION");
        assertThat(failed.reason()).contains("authorisation");
        assertThat(BureauSimulator.queriesAbout(idNumber)).isZero();
        assertThat(count("report_read", assess.applicationId())).isZero();
        assertThat(count("decision", assess.applicationId())).isZero();
    }

    @Test
    void aSecondApplicationWithinThirtyDaysReadsTheKeptReportAndBothReadsAreLogged() {
        String idNumber = Applicants.ordinaryIdNumber();
        UUID customer = UUID.randomUUID();
        AssessCreditRisk first = Applicants.applies(customer, idNumber);
        AssessCreditRisk second = Applicants.applies(customer, idNumber);

        saga.send(first);
        CreditRiskDecided firstDecided = codec.payloadOf(saga.reply(first.applicationId()), CreditRiskDecided.TYPE);
        saga.send(second);
        CreditRiskDecided secondDecided = codec.payloadOf(saga.reply(second.applicationId()), CreditRiskDecided.TYPE);

        assertThat(BureauSimulator.queriesAbout(idNumber)).as("one bureau query").isEqualTo(1);
        assertThat(secondDecided.outcome()).isEqualTo(firstDecided.outcome());
        assertThat(secondDecided.creditLimit()).isEqualTo(firstDecided.creditLimit());
        HttpResponse<String> reads = ops.bearer(analyst).get("/ops/v1/credit-decision/report-reads?customerId=" + customer);
        assertThat(reads.statusCode()).as(reads.body()).isEqualTo(200);
        JsonNode logged = json.readTree(reads.body());
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0).get("applicationId").asString()).isEqualTo(first.applicationId().toString());
        assertThat(logged.get(0).get("source").asString()).isEqualTo("BUREAU");
        assertThat(logged.get(0).get("authorisationSha256").asString()).isEqualTo(first.authorisation().sha256());
        assertThat(logged.get(1).get("applicationId").asString()).isEqualTo(second.applicationId().toString());
        assertThat(logged.get(1).get("source").asString()).isEqualTo("CACHE");
        assertThat(logged.get(1).get("authorisationDocumentId").asString())
                .isEqualTo(second.authorisation().documentId().toString());
        assertThat(logged.get(1).get("reportId").asString()).isEqualTo(logged.get(0).get("reportId").asString());
    }

    @Test
    void theKeptReportIsStoredOnlyEncryptedAndKeyedByABlindIndex() {
        String idNumber = Applicants.ordinaryIdNumber();
        BureauSimulator.record(idNumber, 0, 0, "12300.00", 1, 2);
        AssessCreditRisk assess = Applicants.applies(idNumber);
        saga.send(assess);
        saga.reply(assess.applicationId());

        var row = jdbc.sql("""
                select r.id_number_index, r.report_encrypted from credit_report r
                join report_read rr on rr.report_id = r.id where rr.application_id = ?""")
                .param(assess.applicationId()).query().singleRow();
        assertThat((String) row.get("report_encrypted")).startsWith("v1:").doesNotContain("12300");
        assertThat((String) row.get("id_number_index")).matches("[0-9a-f]{64}").doesNotContain(idNumber);
    }

    @Test
    void theSameCommandTwiceDecidesOnceAndAReSentCommandGetsTheSameDecision() {
        String idNumber = Applicants.ordinaryIdNumber();
        AssessCreditRisk assess = Applicants.applies(idNumber);
        Envelope command = saga.command(assess);

        saga.send(command);
        saga.send(command);
        Envelope first = saga.reply(assess.applicationId());
        saga.send(assess); // the same command under a new message id, as the saga re-sends on a step timeout
        Envelope second = saga.reply(assess.applicationId(), Set.of(first.id()));

        CreditRiskDecided firstDecided = codec.payloadOf(first, CreditRiskDecided.TYPE);
        CreditRiskDecided secondDecided = codec.payloadOf(second, CreditRiskDecided.TYPE);
        assertThat(secondDecided).isEqualTo(firstDecided);
        assertThat(count("decision", assess.applicationId())).isEqualTo(1);
        assertThat(count("report_read", assess.applicationId())).as("the answer again read no report").isEqualTo(1);
        assertThat(BureauSimulator.queriesAbout(idNumber)).isEqualTo(1);
    }

    @Test
    void aBureauTimeoutIsRetried() {
        String idNumber = Applicants.ordinaryIdNumber();
        BureauSimulator.misbehave("TIMEOUT", 1);
        AssessCreditRisk assess = Applicants.applies(idNumber);

        saga.send(assess);
        Envelope reply = saga.reply(assess.applicationId());

        assertThat(reply.type()).isEqualTo(CreditRiskDecided.TYPE.name());
        assertThat(BureauSimulator.queriesAbout(idNumber)).as("timed out, then answered").isEqualTo(2);
    }

    @Test
    void aMalformedAnswerIsRetried() {
        String idNumber = Applicants.ordinaryIdNumber();
        BureauSimulator.misbehave("MALFORMED", 1);
        AssessCreditRisk assess = Applicants.applies(idNumber);

        saga.send(assess);

        assertThat(saga.reply(assess.applicationId()).type()).isEqualTo(CreditRiskDecided.TYPE.name());
    }

    @Test
    void aBureauThatStaysDownEndsInAnActionableFailureAndALaterCommandDecides() {
        String idNumber = Applicants.ordinaryIdNumber();
        BureauSimulator.misbehave("FAIL", 0);
        AssessCreditRisk assess = Applicants.applies(idNumber);

        saga.send(assess);
        Envelope failure = saga.reply(assess.applicationId());

        assertThat(failure.type()).isEqualTo(CreditDecisionFailed.TYPE.name());
        CreditDecisionFailed failed = codec.payloadOf(failure, CreditDecisionFailed.TYPE);
        assertThat(failed.code()).isEqualTo("BUREAU_UNAVAILABLE");
        assertThat(failed.reason()).contains("503").contains("send AssessCreditRisk again");
        assertThat(BureauSimulator.queriesAbout(idNumber)).as("three attempts").isEqualTo(3);
        assertThat(count("decision", assess.applicationId())).isZero();
        assertThat(count("report_read", assess.applicationId())).isZero();

        BureauSimulator.behave();
        saga.send(assess);
        Envelope retried = saga.reply(assess.applicationId(), Set.of(failure.id()));
        assertThat(retried.type()).isEqualTo(CreditRiskDecided.TYPE.name());
    }

    @Test
    void aRefusalByTheBureauIsNotRetried() {
        String idNumber = Applicants.ordinaryIdNumber();
        BureauSimulator.misbehave("REFUSE", 0);
        AssessCreditRisk assess = Applicants.applies(idNumber);

        saga.send(assess);
        CreditDecisionFailed failed = codec.payloadOf(saga.reply(assess.applicationId()), CreditDecisionFailed.TYPE);

        assertThat(failed.code()).isEqualTo("BUREAU_REFUSED");
        assertThat(failed.reason()).contains("403").contains(assess.authorisation().documentId().toString());
        assertThat(BureauSimulator.queriesAbout(idNumber)).isEqualTo(1);
    }

    @Test
    void anOpenCircuitFailsFastWithAReason() {
        circuitBreakers.circuitBreaker("credit-bureau").transitionToForcedOpenState();
        String idNumber = Applicants.ordinaryIdNumber();
        AssessCreditRisk assess = Applicants.applies(idNumber);

        saga.send(assess);
        CreditDecisionFailed failed = codec.payloadOf(saga.reply(assess.applicationId()), CreditDecisionFailed.TYPE);

        assertThat(failed.code()).isEqualTo("BUREAU_UNAVAILABLE");
        assertThat(failed.reason()).contains("circuit breaker");
        assertThat(BureauSimulator.queriesAbout(idNumber)).isZero();
    }

    @Test
    void anAntiFraudRejectionIsRefusedWithoutReadingAReport() {
        String idNumber = Applicants.ordinaryIdNumber();
        AssessCreditRisk passed = Applicants.applies(idNumber);
        AssessCreditRisk assess = new AssessCreditRisk(passed.applicationId(), passed.customerId(), Applicants.NAME, idNumber,
                Applicants.MOBILE, passed.authorisation(), "REJECT", 140, passed.appliedAt());

        saga.send(assess);
        CreditRiskDecided decided = codec.payloadOf(saga.reply(assess.applicationId()), CreditRiskDecided.TYPE);

        assertThat(decided.outcome()).isEqualTo("REJECT");
        assertThat(decided.reasonCode()).isEqualTo("FRAUD_REJECTED");
        assertThat(BureauSimulator.queriesAbout(idNumber)).isZero();
        assertThat(count("report_read", assess.applicationId())).isZero();
    }

    private long count(String table, UUID applicationId) {
        return jdbc.sql("select count(*) from " + table + " where application_id = ?").param(applicationId)
                .query(Long.class).single();
    }

}
