package com.lendflow.creditdecision.drawdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.creditdecision.AssessCreditRisk;
import com.lendflow.contracts.creditdecision.CreditRiskDecided;
import com.lendflow.contracts.creditdecision.DecideDrawdown;
import com.lendflow.contracts.creditdecision.DrawdownDecided;
import com.lendflow.creditdecision.Applicants;
import com.lendflow.creditdecision.BureauSimulator;
import com.lendflow.creditdecision.CreditDecisionIntegrationTest;
import com.lendflow.creditdecision.CreditLineSaga;
import com.lendflow.creditdecision.DrawdownSaga;
import com.lendflow.creditdecision.Drawdowns;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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

class DrawdownDecisionTest extends CreditDecisionIntegrationTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;
    @Autowired CircuitBreakerRegistry circuitBreakers;

    CreditLineSaga creditLine;
    DrawdownSaga drawdowns;
    HttpProbe ops;
    String analyst = TestTokens.staff("analyst-chen", "RISK_ANALYST");

    @BeforeEach
    void setUp() {
        creditLine = new CreditLineSaga(codec);
        drawdowns = new DrawdownSaga(codec);
        ops = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
        BureauSimulator.behave();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @AfterEach
    void tearDown() {
        BureauSimulator.behave();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    /** A customer approved today for a 60,000.00 line (grade A), their report kept from the bureau query. */
    private CreditRiskDecided approvedCustomer(UUID customer, String idNumber) {
        BureauSimulator.record(idNumber, 0, 0, "12300.00", 1, 2);
        AssessCreditRisk application = Applicants.applies(customer, idNumber);
        creditLine.send(application);
        CreditRiskDecided decided = codec.payloadOf(creditLine.reply(application.applicationId()), CreditRiskDecided.TYPE);
        assertThat(decided.creditLimit()).isEqualTo("60000.00");
        return decided;
    }

    /** Time passes for the customer's kept report: it was fetched {@code days} days ago. */
    private void reportFetchedDaysAgo(String idNumber, UUID customer, int days) {
        int aged = jdbc.sql("""
                update credit_report set fetched_at = now() - make_interval(days => ?)
                where id in (select report_id from report_read where customer_id = ?)""")
                .param(days).param(customer).update();
        assertThat(aged).isEqualTo(1);
    }

    @Test
    void aDrawdownWithinTheLimitOnAFreshReportIsApprovedWithoutAskingTheBureauAgain() {
        UUID customer = UUID.randomUUID();
        String idNumber = Applicants.ordinaryIdNumber();
        CreditRiskDecided line = approvedCustomer(customer, idNumber);
        int queries = BureauSimulator.queriesAbout(idNumber);
        DecideDrawdown drawdown = Drawdowns.of(customer, idNumber, "100.00");

        Envelope command = drawdowns.send(drawdown);
        Envelope reply = drawdowns.reply(drawdown.drawdownId(), Set.of());

        assertThat(reply.type()).isEqualTo(DrawdownDecided.TYPE.name());
        assertThat(reply.correlationId()).isEqualTo(command.correlationId());
        DrawdownDecided decided = codec.payloadOf(reply, DrawdownDecided.TYPE);
        assertThat(decided.outcome()).isEqualTo("APPROVE");
        assertThat(decided.reasonCode()).isNull();
        assertThat(BureauSimulator.queriesAbout(idNumber)).as("the report fetched at approval is fresh").isEqualTo(queries);

        HttpResponse<String> response = ops.bearer(analyst).get("/ops/v1/credit-decision/drawdowns/" + drawdown.drawdownId());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode view = json.readTree(response.body());
        assertThat(view.get("outcome").asString()).isEqualTo("APPROVE");
        assertThat(view.get("amount").asString()).isEqualTo("100.00");
        assertThat(view.get("termMonths").asInt()).isEqualTo(3);
        assertThat(view.get("decidedLimit").asString()).isEqualTo("60000.00");
        assertThat(view.get("creditDecisionId").asString()).isEqualTo(line.decisionId().toString());
        assertThat(view.get("inputs").get("bureau").get("source").asString()).isEqualTo("CACHE");
        assertThat(view.get("reasons").toString()).contains("within the limit 60000.00").contains("No serious delinquency");
        JsonNode read = view.get("reportReads").get(0);
        assertThat(read.get("drawdownId").asString()).isEqualTo(drawdown.drawdownId().toString());
        assertThat(read.get("source").asString()).isEqualTo("CACHE");
        assertThat(read.get("authorisationDocumentId").asString())
                .isEqualTo(drawdown.authorisation().documentId().toString());
        assertThat(response.body()).doesNotContain(idNumber).doesNotContain(Applicants.NAME).doesNotContain(Applicants.MOBILE);

        assertThat(ops.bearer(TestTokens.staff("agent-li", "OPS_AGENT"))
                .get("/ops/v1/credit-decision/drawdowns/" + drawdown.drawdownId()).statusCode()).isEqualTo(403);
        assertThat(ops.bearer(analyst).get("/ops/v1/credit-decision/drawdowns/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aReportEightDaysOldStillServesAnApplicationButIsRefreshedForADrawdownAndBothReadsAreLogged() {
        UUID customer = UUID.randomUUID();
        String idNumber = Applicants.ordinaryIdNumber();
        approvedCustomer(customer, idNumber);
        reportFetchedDaysAgo(idNumber, customer, 8);
        int queries = BureauSimulator.queriesAbout(idNumber);
        AssessCreditRisk secondApplication = Applicants.applies(customer, idNumber);
        creditLine.send(secondApplication);
        creditLine.reply(secondApplication.applicationId());
        assertThat(BureauSimulator.queriesAbout(idNumber)).as("applications keep the 30-day cache").isEqualTo(queries);

        DecideDrawdown drawdown = Drawdowns.of(customer, idNumber, "100.00");
        DrawdownDecided decided = drawdowns.decide(drawdown);

        assertThat(decided.outcome()).isEqualTo("APPROVE");
        assertThat(BureauSimulator.queriesAbout(idNumber)).as("refreshed for the drawdown").isEqualTo(queries + 1);
        JsonNode reads = json.readTree(ops.bearer(analyst)
                .get("/ops/v1/credit-decision/report-reads?customerId=" + customer).body());
        assertThat(reads).hasSize(3);
        JsonNode drawdownRead = reads.get(2);
        assertThat(drawdownRead.get("drawdownId").asString()).isEqualTo(drawdown.drawdownId().toString());
        assertThat(drawdownRead.get("applicationId").isNull()).isTrue();
        assertThat(drawdownRead.get("source").asString()).isEqualTo("BUREAU");
        assertThat(drawdownRead.get("authorisationSha256").asString()).isEqualTo(drawdown.authorisation().sha256());
    }

    @Test
    void aSeriousDelinquencyFoundWhenTheReportIsRefreshedRefusesTheDrawdown() {
        UUID customer = UUID.randomUUID();
        String idNumber = Applicants.ordinaryIdNumber();
        approvedCustomer(customer, idNumber);
        reportFetchedDaysAgo(idNumber, customer, 8);
        BureauSimulator.record(idNumber, 120, 2, "56000.00", 1, 1);

        DecideDrawdown drawdown = Drawdowns.of(customer, idNumber, "100.00");
        DrawdownDecided decided = drawdowns.decide(drawdown);

        assertThat(decided.outcome()).isEqualTo("REJECT");
        assertThat(decided.reasonCode()).isEqualTo("BUREAU_SERIOUS_DELINQUENCY");
        assertThat(decided.reasons()).anyMatch(reason -> reason.contains("worst days past due") && reason.contains("120"));
        JsonNode view = json.readTree(ops.bearer(analyst).get("/ops/v1/credit-decision/drawdowns/" + drawdown.drawdownId()).body());
        assertThat(view.get("inputs").get("bureau").get("source").asString()).isEqualTo("BUREAU");
        assertThat(view.get("inputs").get("bureau").get("worstDaysPastDueLast24Months").asInt()).isEqualTo(120);
    }

    @Test
    void anAmountAboveTheDecidedLimitIsRefusedWithoutReadingAReportAndTheLimitItselfIsAllowed() {
        UUID customer = UUID.randomUUID();
        String idNumber = Applicants.ordinaryIdNumber();
        approvedCustomer(customer, idNumber);
        DecideDrawdown tooMuch = Drawdowns.of(customer, idNumber, "60000.01");
        DecideDrawdown all = Drawdowns.of(customer, idNumber, "60000");

        DrawdownDecided refused = drawdowns.decide(tooMuch);
        DrawdownDecided approved = drawdowns.decide(all);

        assertThat(refused.outcome()).isEqualTo("REJECT");
        assertThat(refused.reasonCode()).isEqualTo("AMOUNT_ABOVE_DECIDED_LIMIT");
        assertThat(refused.reasons().getFirst()).contains("60000.01").contains("60000.00");
        assertThat(count("report_read", tooMuch.drawdownId())).isZero();
        assertThat(approved.outcome()).isEqualTo("APPROVE");
    }

    @Test
    void aCustomerWithoutAnApprovedCreditLineIsRefusedAndTheBureauNeverAsked() {
        String idNumber = Applicants.ordinaryIdNumber();
        DecideDrawdown drawdown = Drawdowns.of(UUID.randomUUID(), idNumber, "100.00");

        DrawdownDecided decided = drawdowns.decide(drawdown);

        assertThat(decided.outcome()).isEqualTo("REJECT");
        assertThat(decided.reasonCode()).isEqualTo("NO_CREDIT_LINE_DECISION");
        assertThat(BureauSimulator.queriesAbout(idNumber)).isZero();
    }

    @Test
    void aBureauThatStaysDownRefusesTheDrawdownOnlyAfterItsRetriesAndAReSentCommandGetsTheSameAnswer() {
        UUID customer = UUID.randomUUID();
        String idNumber = Applicants.ordinaryIdNumber();
        approvedCustomer(customer, idNumber);
        reportFetchedDaysAgo(idNumber, customer, 8);
        int queries = BureauSimulator.queriesAbout(idNumber);
        BureauSimulator.misbehave("FAIL", 0);
        DecideDrawdown drawdown = Drawdowns.of(customer, idNumber, "100.00");

        drawdowns.send(drawdown);
        Envelope first = drawdowns.reply(drawdown.drawdownId(), Set.of());
        DrawdownDecided refused = codec.payloadOf(first, DrawdownDecided.TYPE);

        assertThat(refused.outcome()).isEqualTo("REJECT");
        assertThat(refused.reasonCode()).isEqualTo("BUREAU_UNAVAILABLE");
        assertThat(refused.reasons().getFirst()).contains("503");
        assertThat(BureauSimulator.queriesAbout(idNumber)).as("three attempts").isEqualTo(queries + 3);
        BureauSimulator.behave();
        drawdowns.send(drawdown); // the saga asking again under a new message id
        DrawdownDecided again = codec.payloadOf(drawdowns.reply(drawdown.drawdownId(), Set.of(first.id())),
                DrawdownDecided.TYPE);
        assertThat(again).isEqualTo(refused);
        assertThat(BureauSimulator.queriesAbout(idNumber)).isEqualTo(queries + 3);
        assertThat(count("drawdown_decision", drawdown.drawdownId())).isEqualTo(1);
        assertThat(count("report_read", drawdown.drawdownId())).isZero();
    }

    @Test
    void theSameDrawdownTwiceIsDecidedOnceAndAReSentCommandGetsTheSameDecision() {
        UUID customer = UUID.randomUUID();
        String idNumber = Applicants.ordinaryIdNumber();
        approvedCustomer(customer, idNumber);
        DecideDrawdown drawdown = Drawdowns.of(customer, idNumber, "100.00");
        Envelope command = drawdowns.command(drawdown);

        drawdowns.send(command);
        drawdowns.send(command);
        Envelope first = drawdowns.reply(drawdown.drawdownId(), Set.of());
        drawdowns.send(drawdown);
        Envelope second = drawdowns.reply(drawdown.drawdownId(), Set.of(first.id()));

        assertThat(codec.payloadOf(second, DrawdownDecided.TYPE)).isEqualTo(codec.payloadOf(first, DrawdownDecided.TYPE));
        assertThat(count("drawdown_decision", drawdown.drawdownId())).isEqualTo(1);
        assertThat(count("report_read", drawdown.drawdownId())).as("the answer again read no report").isEqualTo(1);
    }

    private long count(String table, UUID drawdownId) {
        return jdbc.sql("select count(*) from " + table + " where drawdown_id = ?").param(drawdownId)
                .query(Long.class).single();
    }
}
