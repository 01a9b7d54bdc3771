package com.lendflow.limit.creditline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.limit.ConfirmLimit;
import com.lendflow.contracts.limit.LimitOccupied;
import com.lendflow.contracts.limit.LimitReleased;
import com.lendflow.contracts.limit.LimitReservationRefused;
import com.lendflow.contracts.limit.LimitReserved;
import com.lendflow.contracts.limit.ReleaseLimit;
import com.lendflow.contracts.limit.ReserveLimit;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_limit")
class LimitReservationTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    LimitProbe limit;
    HttpProbe app;
    HttpProbe staff;
    HttpProbe service;

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        limit = new LimitProbe(codec);
        app = HttpProbe.localhost(port).bearer(TestTokens.appBackend());
        staff = HttpProbe.localhost(port).bearer(TestTokens.staff("agent-wang", "OPS_AGENT"));
        service = HttpProbe.localhost(port).bearer(TestTokens.service("loan-order-service"));
    }

    @Test
    void borrowingHundredYuanReservesItAndAnswersWithTheLinesRateAndGrade() {
        UUID customer = lineOf("43000.00", "0.146", "B");
        ReserveLimit drawdown = Drawdowns.borrowing(customer, "100");

        LimitReserved reserved = reserve(drawdown);

        assertThat(reserved).isEqualTo(new LimitReserved(drawdown.drawdownId(), customer, "100.00", "0.146000", "B",
                "42900.00"));
        JsonNode line = customerReads(customer);
        assertThat(line.get("creditLimit").asString()).isEqualTo("43000.00");
        assertThat(line.get("reserved").asString()).isEqualTo("100.00");
        assertThat(line.get("occupied").asString()).isEqualTo("0.00");
        assertThat(line.get("available").asString()).isEqualTo("42900.00");

        HttpResponse<String> internal = service.get("/internal/v1/credit-lines/" + customer);
        assertThat(internal.statusCode()).isEqualTo(200);
        JsonNode forTheSaga = json.readTree(internal.body());
        assertThat(forTheSaga.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(forTheSaga.get("annualRate").asString()).isEqualTo("0.146000");
        assertThat(forTheSaga.get("grade").asString()).isEqualTo("B");
        assertThat(forTheSaga.get("available").asString()).isEqualTo("42900.00");
    }

    @Test
    void aDisbursedDrawdownOccupiesItsReservationAndALateReleaseLeavesItDrawn() {
        UUID customer = lineOf("43000.00", "0.146", "B");
        ReserveLimit drawdown = Drawdowns.borrowing(customer, "100.00");
        reserve(drawdown);

        LimitOccupied occupied = limit.ask(ConfirmLimit.TYPE, drawdown.drawdownId(), Drawdowns.disbursed(drawdown),
                LimitOccupied.TYPE);

        assertThat(occupied).isEqualTo(new LimitOccupied(drawdown.drawdownId(), customer, "100.00"));
        JsonNode line = customerReads(customer);
        assertThat(line.get("occupied").asString()).isEqualTo("100.00");
        assertThat(line.get("reserved").asString()).isEqualTo("0.00");
        assertThat(line.get("available").asString()).isEqualTo("42900.00");

        // Confirmed again (the saga re-sends on a late reply): the same answer, nothing drawn twice.
        assertThat(limit.ask(ConfirmLimit.TYPE, drawdown.drawdownId(), Drawdowns.disbursed(drawdown), LimitOccupied.TYPE))
                .isEqualTo(occupied);
        LimitReleased released = limit.ask(ReleaseLimit.TYPE, drawdown.drawdownId(), Drawdowns.failed(drawdown),
                LimitReleased.TYPE);

        assertThat(released.amount()).isEqualTo("0.00");
        JsonNode after = customerReads(customer);
        assertThat(after.get("occupied").asString()).isEqualTo("100.00");
        assertThat(after.get("reserved").asString()).isEqualTo("0.00");
        assertThat(after.get("available").asString()).isEqualTo("42900.00");
        assertThat(stateOf(drawdown)).isEqualTo("OCCUPIED");
    }

    @Test
    void aFailedDrawdownReleasesItsReservationOnceHoweverOftenTheReleaseComes() {
        UUID customer = lineOf("5000.00", "0.12", "C");
        ReserveLimit drawdown = Drawdowns.borrowing(customer, "1200.50");
        reserve(drawdown);
        assertThat(customerReads(customer).get("available").asString()).isEqualTo("3799.50");

        LimitReleased released = limit.ask(ReleaseLimit.TYPE, drawdown.drawdownId(), Drawdowns.failed(drawdown),
                LimitReleased.TYPE);
        LimitReleased again = limit.ask(ReleaseLimit.TYPE, drawdown.drawdownId(), Drawdowns.failed(drawdown),
                LimitReleased.TYPE);

        assertThat(released).isEqualTo(new LimitReleased(drawdown.drawdownId(), customer, "1200.50"));
        assertThat(again).isEqualTo(released);
        JsonNode line = customerReads(customer);
        assertThat(line.get("reserved").asString()).isEqualTo("0.00");
        assertThat(line.get("available").asString()).isEqualTo("5000.00");

        // A late re-send of the reservation is answered as before and reserves nothing again.
        assertThat(limit.ask(ReserveLimit.TYPE, drawdown.drawdownId(), drawdown, LimitReserved.TYPE).availableAfter())
                .isEqualTo("3799.50");
        assertThat(customerReads(customer).get("available").asString()).isEqualTo("5000.00");
        // And a confirmation after the release is a saga fault: no reply, the command ends on the dead-letter topic.
        Envelope confirm = limit.command(ConfirmLimit.TYPE, drawdown.drawdownId(), Drawdowns.disbursed(drawdown));
        limit.send(confirm);
        limit.awaitDeadLettered(confirm);
        assertThat(limit.replies(drawdown.drawdownId(), LimitOccupied.TYPE.name())).isEmpty();
        assertThat(customerReads(customer).get("occupied").asString()).isEqualTo("0.00");
    }

    @Test
    void releasingADrawdownThatReservedNothingAnswersZeroAndChangesNothing() {
        UUID customer = lineOf("5000.00", "0.12", "C");
        ReserveLimit held = Drawdowns.borrowing(customer, "700.00");
        reserve(held);
        ReserveLimit neverReserved = Drawdowns.borrowing(customer, "300.00");

        LimitReleased released = limit.ask(ReleaseLimit.TYPE, neverReserved.drawdownId(), Drawdowns.failed(neverReserved),
                LimitReleased.TYPE);

        assertThat(released).isEqualTo(new LimitReleased(neverReserved.drawdownId(), customer, "0.00"));
        assertThat(customerReads(customer).get("reserved").asString()).isEqualTo("700.00");
        assertThat(jdbc.sql("select count(*) from limit_reservation where drawdown_id = ?")
                .param(neverReserved.drawdownId()).query(Long.class).single()).isZero();
    }

    @Test
    void aReservationDeliveredTwiceOrResentUnderANewMessageIdReservesOnce() {
        UUID customer = lineOf("2000.00", "0.1", "B");
        ReserveLimit drawdown = Drawdowns.borrowing(customer, "800.00");
        Envelope first = limit.command(ReserveLimit.TYPE, drawdown.drawdownId(), drawdown);

        limit.send(first);
        limit.send(first);
        limit.send(limit.command(ReserveLimit.TYPE, drawdown.drawdownId(), drawdown));

        List<LimitReserved> answers = limit.answers(drawdown.drawdownId(), LimitReserved.TYPE, 2);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(answers.get(0).availableAfter()).isEqualTo("1200.00");
        assertThat(customerReads(customer).get("reserved").asString()).isEqualTo("800.00");
    }

    @Test
    void moreThanIsAvailableIsRefusedAndTheRefusalStandsForThatDrawdown() {
        UUID customer = lineOf("1000.00", "0.1", "B");
        reserve(Drawdowns.borrowing(customer, "600.00"));
        ReserveLimit tooMuch = Drawdowns.borrowing(customer, "400.01");

        LimitReservationRefused refused = refuse(tooMuch);

        assertThat(refused.code()).isEqualTo("INSUFFICIENT_LIMIT");
        assertThat(refused.reason()).contains("400.01").contains("400.00");
        assertThat(customerReads(customer).get("reserved").asString()).isEqualTo("600.00");
        // Exactly what is available is enough.
        assertThat(reserve(Drawdowns.borrowing(customer, "400.00")).availableAfter()).isEqualTo("0.00");

        // Room made later does not turn the refused drawdown, which the saga has failed already, into a reservation.
        jdbc.sql("update credit_line set credit_limit = 5000.00 where customer_id = ?").param(customer).update();
        assertThat(limit.ask(ReserveLimit.TYPE, tooMuch.drawdownId(), tooMuch, LimitReservationRefused.TYPE))
                .isEqualTo(refused);
        assertThat(customerReads(customer).get("reserved").asString()).isEqualTo("1000.00");
    }

    @Test
    void aFrozenExpiredOrUngrantedLineOrNoLineAtAllReservesNothing() {
        UUID frozen = lineOf("9000.00", "0.1", "B");
        Freezes.freeze(limit, frozen, "OVERDUE", "collection-service");
        UUID expired = lineOf("9000.00", "0.1", "B");
        jdbc.sql("update credit_line set expires_on = ? where customer_id = ?")
                .param(Grants.today().minusDays(1)).param(expired).update();
        UUID ungranted = registered();

        assertThat(refuse(Drawdowns.borrowing(frozen, "100.00")).code()).isEqualTo("LINE_FROZEN");
        LimitReservationRefused lapsed = refuse(Drawdowns.borrowing(expired, "100.00"));
        assertThat(lapsed.code()).isEqualTo("LINE_EXPIRED");
        assertThat(lapsed.reason()).contains(Grants.today().minusDays(1).toString());
        assertThat(refuse(Drawdowns.borrowing(ungranted, "100.00")).code()).isEqualTo("LINE_NOT_ACTIVE");
        assertThat(refuse(Drawdowns.borrowing(UUID.randomUUID(), "100.00")).code()).isEqualTo("NO_LINE");

        assertThat(jdbc.sql("select coalesce(sum(reserved), 0) from credit_line where customer_id in (?, ?, ?)")
                .param(frozen).param(expired).param(ungranted).query(java.math.BigDecimal.class).single()).isZero();
    }

    @Test
    void anAmountThatIsNotWholeFenOrNotPositiveIsRefusedAndReservesNothing() {
        UUID customer = lineOf("9000.00", "0.1", "B");

        assertThat(refuse(Drawdowns.borrowing(customer, "100.001")).code()).isEqualTo("INVALID_AMOUNT");
        assertThat(refuse(Drawdowns.borrowing(customer, "-5.00")).code()).isEqualTo("INVALID_AMOUNT");
        assertThat(refuse(Drawdowns.borrowing(customer, "0")).code()).isEqualTo("INVALID_AMOUNT");
        LimitReservationRefused words = refuse(Drawdowns.borrowing(customer, "a hundred"));
        assertThat(words.code()).isEqualTo("INVALID_AMOUNT");
        assertThat(words.reason()).contains("a hundred");

        assertThat(customerReads(customer).get("available").asString()).isEqualTo("9000.00");
        assertThat(jdbc.sql("select count(*) from limit_reservation where customer_id = ?").param(customer)
                .query(Long.class).single()).isZero();
    }

    @Test
    void staffSeeTheLinesReservationsNewestFirstAndCustomersDoNot() {
        UUID customer = lineOf("3000.00", "0.1", "B");
        ReserveLimit disbursed = Drawdowns.borrowing(customer, "1000.00");
        reserve(disbursed);
        limit.ask(ConfirmLimit.TYPE, disbursed.drawdownId(), Drawdowns.disbursed(disbursed), LimitOccupied.TYPE);
        ReserveLimit failed = Drawdowns.borrowing(customer, "500.00");
        reserve(failed);
        limit.ask(ReleaseLimit.TYPE, failed.drawdownId(), Drawdowns.failed(failed), LimitReleased.TYPE);
        ReserveLimit pending = Drawdowns.borrowing(customer, "200.00");
        reserve(pending);
        ReserveLimit refused = Drawdowns.borrowing(customer, "2000.00");
        refuse(refused);

        HttpResponse<String> response = staff.get("/ops/v1/credit-lines/" + customer);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ops = json.readTree(response.body());
        assertThat(ops.get("line").get("occupied").asString()).isEqualTo("1000.00");
        assertThat(ops.get("line").get("reserved").asString()).isEqualTo("200.00");
        assertThat(ops.get("line").get("available").asString()).isEqualTo("1800.00");
        JsonNode reservations = ops.get("reservations");
        assertThat(reservations).hasSize(4);
        assertThat(reservations.get(0).get("drawdownId").asString()).isEqualTo(refused.drawdownId().toString());
        assertThat(reservations.get(0).get("state").asString()).isEqualTo("REFUSED");
        assertThat(reservations.get(0).get("refusalCode").asString()).isEqualTo("INSUFFICIENT_LIMIT");
        assertThat(reservations.get(1).get("state").asString()).isEqualTo("RESERVED");
        assertThat(reservations.get(1).get("amount").asString()).isEqualTo("200.00");
        assertThat(reservations.get(2).get("state").asString()).isEqualTo("RELEASED");
        assertThat(reservations.get(2).get("releaseReason").asString()).contains("refused the card");
        assertThat(reservations.get(2).get("releasedAt").isNull()).isFalse();
        assertThat(reservations.get(3).get("state").asString()).isEqualTo("OCCUPIED");
        assertThat(reservations.get(3).get("annualRate").asString()).isEqualTo("0.100000");
        assertThat(reservations.get(3).get("availableAfter").asString()).isEqualTo("2000.00");
        assertThat(reservations.get(3).get("occupiedAt").isNull()).isFalse();

        assertThat(app.with("X-Customer-Id", customer.toString()).get("/ops/v1/credit-lines/" + customer).statusCode())
                .isEqualTo(403);
    }

    /** A customer whose first approved application opened and activated the line. */
    private UUID lineOf(String limitAmount, String rate, String grade) {
        UUID customer = UUID.randomUUID();
        limit.grant(Grants.approved(customer, limitAmount, rate, grade));
        return customer;
    }

    private UUID registered() {
        UUID customer = UUID.randomUUID();
        limit.register(customer);
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> app.with("X-Customer-Id", customer.toString())
                .get("/api/v1/customers/" + customer + "/credit-line").statusCode() == 200);
        return customer;
    }

    private LimitReserved reserve(ReserveLimit drawdown) {
        return limit.ask(ReserveLimit.TYPE, drawdown.drawdownId(), drawdown, LimitReserved.TYPE);
    }

    private LimitReservationRefused refuse(ReserveLimit drawdown) {
        return limit.ask(ReserveLimit.TYPE, drawdown.drawdownId(), drawdown, LimitReservationRefused.TYPE);
    }

    private String stateOf(ReserveLimit drawdown) {
        return jdbc.sql("select state from limit_reservation where drawdown_id = ?").param(drawdown.drawdownId())
                .query(String.class).single();
    }

    private JsonNode customerReads(UUID customer) {
        HttpResponse<String> response = app.with("X-Customer-Id", customer.toString())
                .get("/api/v1/customers/" + customer + "/credit-line");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
