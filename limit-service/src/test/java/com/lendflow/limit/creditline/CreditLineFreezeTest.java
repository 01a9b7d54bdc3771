package com.lendflow.limit.creditline;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.limit.ConfirmLimit;
import com.lendflow.contracts.limit.CreditLineLowered;
import com.lendflow.contracts.limit.CreditLineUnfrozen;
import com.lendflow.contracts.limit.LimitOccupied;
import com.lendflow.contracts.limit.LimitReservationRefused;
import com.lendflow.contracts.limit.LimitReserved;
import com.lendflow.contracts.limit.ReserveLimit;
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

/** Early warnings on a line: freezes that stack, unfreezes that lift only their own, lowerings; and staff doing it. */
@ServiceIntegrationTest(database = "lendflow_limit")
class CreditLineFreezeTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    LimitProbe limit;
    HttpProbe app;
    HttpProbe supervisor;
    HttpProbe agent;

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        limit = new LimitProbe(codec);
        app = HttpProbe.localhost(port).bearer(TestTokens.appBackend());
        supervisor = HttpProbe.localhost(port).bearer(TestTokens.staff("supervisor-li", "OPS_SUPERVISOR"));
        agent = HttpProbe.localhost(port).bearer(TestTokens.staff("agent-wang", "OPS_AGENT"));
    }

    @Test
    void aFrozenLineRefusesDrawdownsWithAReasonTheCustomerMayReadUntilUnfrozen() {
        UUID customer = lineOf("5000.00");

        Freezes.freeze(limit, customer, "FRAUD_SIGNAL", "antifraud-service");

        LimitReservationRefused refused = refuse(Drawdowns.borrowing(customer, "100.00"));
        assertThat(refused.code()).isEqualTo("LINE_FROZEN");
        assertThat(refused.reason()).startsWith("credit line frozen: ").doesNotContain("rule fired");
        JsonNode line = customerReads(customer);
        assertThat(line.get("status").asString()).isEqualTo("FROZEN");
        assertThat(line.get("available").asString()).isEqualTo("0.00");
        assertThat(line.get("frozenReason").asString()).isEqualTo(refused.reason());

        CreditLineUnfrozen unfrozen = Freezes.unfreeze(limit, customer, "antifraud-service");

        assertThat(unfrozen.status()).isEqualTo("ACTIVE");
        assertThat(reserve(Drawdowns.borrowing(customer, "100.00")).availableAfter()).isEqualTo("4900.00");
        assertThat(customerReads(customer).get("frozenReason").isNull()).isTrue();
    }

    @Test
    void freezesStackAnAutomaticUnfreezeLiftsOnlyItsOwnAndStaffLiftTheRest() {
        UUID customer = lineOf("5000.00");
        Freezes.freeze(limit, customer, "OVERDUE", "collection-service");
        Freezes.freeze(limit, customer, "FRAUD_SIGNAL", "antifraud-service");

        // The overdue installment is repaid: collection lifts its own freeze; the fraud freeze holds.
        assertThat(Freezes.unfreeze(limit, customer, "collection-service").status()).isEqualTo("FROZEN");
        assertThat(refuse(Drawdowns.borrowing(customer, "100.00")).code()).isEqualTo("LINE_FROZEN");

        HttpResponse<String> response = supervisor.postJson("/ops/v1/credit-lines/" + customer + "/unfreeze",
                "{\"reason\":\"fraud signal cleared after a call with the customer\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ops = json.readTree(response.body());
        assertThat(ops.get("line").get("status").asString()).isEqualTo("ACTIVE");
        JsonNode requests = ops.get("requests");
        assertThat(requests).hasSize(4);
        assertThat(requests.get(0).get("kind").asString()).isEqualTo("UNFREEZE");
        assertThat(requests.get(0).get("requestedBy").asString()).isEqualTo("supervisor-li");
        assertThat(requests.get(0).get("liftedCodes").asString()).isEqualTo("FRAUD_SIGNAL");
        assertThat(requests.get(1).get("liftedCodes").asString()).isEqualTo("OVERDUE");
        assertThat(reserve(Drawdowns.borrowing(customer, "100.00")).availableAfter()).isEqualTo("4900.00");
    }

    @Test
    void aLineIsNeverLoweredBelowWhatIsDrawnAndReserved() {
        UUID customer = lineOf("10000.00");
        ReserveLimit drawn = Drawdowns.borrowing(customer, "3000.00");
        reserve(drawn);
        limit.ask(ConfirmLimit.TYPE, drawn.drawdownId(), Drawdowns.disbursed(drawn), LimitOccupied.TYPE);
        reserve(Drawdowns.borrowing(customer, "1000.00"));

        CreditLineLowered lowered = Freezes.lower(limit, customer, "2000.00");

        assertThat(lowered.fromLimit()).isEqualTo("10000.00");
        assertThat(lowered.toLimit()).isEqualTo("4000.00");
        JsonNode line = customerReads(customer);
        assertThat(line.get("creditLimit").asString()).isEqualTo("4000.00");
        assertThat(line.get("available").asString()).isEqualTo("0.00");
        assertThat(refuse(Drawdowns.borrowing(customer, "0.01")).code()).isEqualTo("INSUFFICIENT_LIMIT");
    }

    @Test
    void staffFreezeWithAReasonOnTheRecordAndAgentsMayNot() {
        UUID customer = lineOf("5000.00");
        String path = "/ops/v1/credit-lines/" + customer + "/freeze";

        HttpResponse<String> noReason = supervisor.postJson(path, "{\"code\":\"OPS\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(agent.postJson(path, "{\"code\":\"OPS\",\"reason\":\"customer asked us to pause borrowing\"}").statusCode())
                .isEqualTo(403);
        assertThat(customerReads(customer).get("status").asString()).isEqualTo("ACTIVE");

        HttpResponse<String> frozen = supervisor.postJson(path, "{\"code\":\"OPS\",\"reason\":\"customer asked us to pause borrowing\"}");

        assertThat(frozen.statusCode()).isEqualTo(200);
        JsonNode freeze = json.readTree(frozen.body()).get("freeze");
        assertThat(freeze.get("code").asString()).isEqualTo("OPS");
        assertThat(freeze.get("frozenBy").asString()).isEqualTo("supervisor-li");
        assertThat(freeze.get("reason").asString()).isEqualTo("customer asked us to pause borrowing");
        assertThat(customerReads(customer).get("status").asString()).isEqualTo("FROZEN");
        assertThat(jdbc.sql("select actor || ' ' || reason from audit.audit_record where action = 'credit-line.freeze' and subject_id = ?")
                .param(customer.toString()).query(String.class).list())
                .containsExactly("supervisor-li customer asked us to pause borrowing");
    }

    private UUID lineOf(String limitAmount) {
        UUID customer = UUID.randomUUID();
        limit.grant(Grants.approved(customer, limitAmount, "0.1", "B"));
        return customer;
    }

    private LimitReserved reserve(ReserveLimit drawdown) {
        return limit.ask(ReserveLimit.TYPE, drawdown.drawdownId(), drawdown, LimitReserved.TYPE);
    }

    private LimitReservationRefused refuse(ReserveLimit drawdown) {
        return limit.ask(ReserveLimit.TYPE, drawdown.drawdownId(), drawdown, LimitReservationRefused.TYPE);
    }

    private JsonNode customerReads(UUID customer) {
        HttpResponse<String> response = app.with("X-Customer-Id", customer.toString())
                .get("/api/v1/customers/" + customer + "/credit-line");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
