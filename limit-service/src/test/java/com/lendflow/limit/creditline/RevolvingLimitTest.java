package com.lendflow.limit.creditline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.contracts.ledger.RepaymentUnapplied;
import com.lendflow.contracts.limit.ConfirmLimit;
import com.lendflow.contracts.limit.LimitOccupied;
import com.lendflow.contracts.limit.LimitReservationRefused;
import com.lendflow.contracts.limit.LimitReserved;
import com.lendflow.contracts.limit.ReserveLimit;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Repaid principal is available again, once per repayment; a returned repayment takes it back. */
@ServiceIntegrationTest(database = "lendflow_limit")
class RevolvingLimitTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    LimitProbe limit;
    HttpProbe app;
    HttpProbe staff;

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        limit = new LimitProbe(codec);
        app = HttpProbe.localhost(port).bearer(TestTokens.appBackend());
        staff = HttpProbe.localhost(port).bearer(TestTokens.staff("agent-wang", "OPS_AGENT"));
    }

    @Test
    void aRepaymentRestoresItsPrincipalOnceHoweverOftenItIsDelivered() {
        UUID customer = lineOf("10000.00");
        ReserveLimit loan = borrowed(customer, "3000.00");
        RepaymentApplied repaid = repayment(customer, loan, "1000.00");
        Envelope first = ledger(RepaymentApplied.TYPE, loan.drawdownId(), repaid);

        publish(first);
        assertThat(customerReads(customer).get("available").asString()).isEqualTo("8000.00");
        // Redelivered, and re-published by the ledger under a new message id: the same repayment restores nothing more.
        publish(first);
        publish(ledger(RepaymentApplied.TYPE, loan.drawdownId(), repaid));

        JsonNode line = customerReads(customer);
        assertThat(line.get("occupied").asString()).isEqualTo("2000.00");
        assertThat(line.get("available").asString()).isEqualTo("8000.00");
        assertThat(jdbc.sql("select count(*) from limit_restoration where repayment_id = ?").param(repaid.repaymentId())
                .query(Long.class).single()).isOne();
    }

    @Test
    void aReturnedRepaymentIsDrawnAgainAndOverTheLimitFreezesTheLineUntilRepaid() {
        UUID customer = lineOf("10000.00");
        ReserveLimit first = borrowed(customer, "3000.00");
        RepaymentApplied r1 = repayment(customer, first, "1000.00");
        publish(ledger(RepaymentApplied.TYPE, first.drawdownId(), r1));
        RepaymentUnapplied returned = reversal(r1, "1000.00");
        publish(ledger(RepaymentUnapplied.TYPE, first.drawdownId(), returned));
        publish(ledger(RepaymentUnapplied.TYPE, first.drawdownId(), returned));
        assertThat(customerReads(customer).get("available").asString()).isEqualTo("7000.00");

        // Repaid again, and the customer draws everything the repayment made available...
        RepaymentApplied r2 = repayment(customer, first, "2000.00");
        publish(ledger(RepaymentApplied.TYPE, first.drawdownId(), r2));
        ReserveLimit second = borrowed(customer, "9000.00");
        assertThat(customerReads(customer).get("available").asString()).isEqualTo("0.00");
        // ...before the bank returns that repayment: 2,000.00 over the limit, frozen until repaid.
        publish(ledger(RepaymentUnapplied.TYPE, first.drawdownId(), reversal(r2, "2000.00")));

        JsonNode over = customerReads(customer);
        assertThat(over.get("status").asString()).isEqualTo("FROZEN");
        assertThat(over.get("occupied").asString()).isEqualTo("12000.00");
        assertThat(over.get("frozenReason").asString()).startsWith("credit line frozen: ").contains("returned");
        ReserveLimit meanwhile = Drawdowns.borrowing(customer, "100.00");
        assertThat(limit.ask(ReserveLimit.TYPE, meanwhile.drawdownId(), meanwhile, LimitReservationRefused.TYPE).code())
                .isEqualTo("LINE_FROZEN");

        RepaymentApplied r3 = repayment(customer, second, "2500.00");
        publish(ledger(RepaymentApplied.TYPE, second.drawdownId(), r3));

        JsonNode back = customerReads(customer);
        assertThat(back.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(back.get("available").asString()).isEqualTo("500.00");
        JsonNode ops = json.readTree(staff.get("/ops/v1/credit-lines/" + customer).body());
        JsonNode restorations = ops.get("restorations");
        assertThat(restorations).hasSize(3);
        assertThat(restorations.get(1).get("repaymentId").asString()).isEqualTo(r2.repaymentId());
        assertThat(restorations.get(1).get("reoccupied").asString()).isEqualTo("2000.00");
        assertThat(restorations.get(1).get("shortfall").asString()).isEqualTo("2000.00");
        assertThat(ops.get("requests").get(0).get("code").asString()).isEqualTo("OVER_OCCUPIED");
        assertThat(ops.get("requests").get(0).get("liftedBy").asString()).isEqualTo("repayment:" + r3.repaymentId());
    }

    @Test
    void aRepaymentThatOvertakesItsDrawdownsConfirmationComesOffThatDrawdownNotAnotherLoan() {
        // Found by the long fault campaign: a loan paid off while the saga's confirmation was held up by a
        // restart restored the customer's other loan's principal, and the late confirmation then occupied
        // the paid-off one: the line held 200.00 more than the loans had drawn.
        UUID customer = lineOf("10000.00");
        borrowed(customer, "1400.00");
        ReserveLimit second = Drawdowns.borrowing(customer, "1600.00");
        limit.ask(ReserveLimit.TYPE, second.drawdownId(), second, LimitReserved.TYPE);
        RepaymentApplied payoff = repayment(customer, second, "1600.00");
        publish(ledger(RepaymentApplied.TYPE, second.drawdownId(), payoff));

        JsonNode paidOff = customerReads(customer);
        assertThat(paidOff.get("occupied").asString()).isEqualTo("1400.00");
        assertThat(paidOff.get("reserved").asString()).isEqualTo("0.00");
        assertThat(paidOff.get("available").asString()).isEqualTo("8600.00");
        assertThat(jdbc.sql("select restored from limit_restoration where repayment_id = ?").param(payoff.repaymentId())
                .query(String.class).single()).isEqualTo("1600.00");

        // The confirmation comes at last: it is answered, and nothing more is drawn.
        limit.ask(ConfirmLimit.TYPE, second.drawdownId(), Drawdowns.disbursed(second), LimitOccupied.TYPE);
        JsonNode confirmed = customerReads(customer);
        assertThat(confirmed.get("occupied").asString()).isEqualTo("1400.00");
        assertThat(confirmed.get("available").asString()).isEqualTo("8600.00");
    }

    private UUID lineOf(String limitAmount) {
        UUID customer = UUID.randomUUID();
        limit.grant(Grants.approved(customer, limitAmount, "0.1", "B"));
        return customer;
    }

    private ReserveLimit borrowed(UUID customer, String amount) {
        ReserveLimit drawdown = Drawdowns.borrowing(customer, amount);
        limit.ask(ReserveLimit.TYPE, drawdown.drawdownId(), drawdown, LimitReserved.TYPE);
        limit.ask(ConfirmLimit.TYPE, drawdown.drawdownId(), Drawdowns.disbursed(drawdown), LimitOccupied.TYPE);
        return drawdown;
    }

    private static RepaymentApplied repayment(UUID customer, ReserveLimit drawdown, String principal) {
        return new RepaymentApplied("rp-" + UUID.randomUUID(), UUID.randomUUID(), customer, drawdown.drawdownId(),
                "REPAYMENT", principal, principal, Grants.today(), false);
    }

    private static RepaymentUnapplied reversal(RepaymentApplied repaid, String principal) {
        return new RepaymentUnapplied(repaid.repaymentId(), repaid.loanId(), repaid.customerId(), repaid.drawdownId(),
                principal, Grants.today(), "the bank returned the funds");
    }

    private <T extends Record> Envelope ledger(com.lendflow.contracts.MessageType<T> type, UUID key, T event) {
        return limit.command(type, key, event);
    }

    /** Publishes a ledger event and waits until limit-service has taken it in. */
    private void publish(Envelope event) {
        limit.send(Topics.CORE_LEDGER_LOAN, event);
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
                "select count(*) from messaging.inbox where consumer = ? and message_id = ?")
                .param(RestoreLimitOnRepayment.CONSUMER).param(event.id()).query(Long.class).single() == 1);
    }

    private JsonNode customerReads(UUID customer) {
        var response = app.with("X-Customer-Id", customer.toString()).get("/api/v1/customers/" + customer + "/credit-line");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
