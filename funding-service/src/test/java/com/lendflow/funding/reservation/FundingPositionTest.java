package com.lendflow.funding.reservation;

import static com.lendflow.funding.FundingProbe.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.funding.ConfirmFunding;
import com.lendflow.contracts.funding.FundingConfirmed;
import com.lendflow.contracts.funding.FundingRefused;
import com.lendflow.contracts.funding.FundingReleased;
import com.lendflow.contracts.funding.FundingReserved;
import com.lendflow.contracts.funding.PositionWarning;
import com.lendflow.contracts.funding.ReleaseFunding;
import com.lendflow.contracts.funding.ReserveFunding;
import com.lendflow.funding.FundingProbe;
import com.lendflow.funding.Partners;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.ServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_funding")
class FundingPositionTest {

    @Autowired Environment environment;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;
    @Autowired FundingCommandListener listener;

    FundingProbe funding;
    String partner;
    int term;
    LocalDate day;

    @BeforeEach
    void setUp() {
        funding = new FundingProbe(codec, environment.getRequiredProperty("local.server.port", Integer.class));
        term = Partners.uniqueTerm();
        partner = Partners.newId("bank");
        funding.addPartner(partner, Partners.forTerm(5, term, "1000.00"));
        day = Partners.freshDay();
    }

    private ReserveFunding reserve(UUID drawdown, String amount) {
        return new ReserveFunding(drawdown, UUID.randomUUID(), partner, amount, term, "B", day);
    }

    private FundingReserved reserved(String amount) {
        UUID drawdown = UUID.randomUUID();
        return funding.ask(ReserveFunding.TYPE, drawdown, reserve(drawdown, amount), FundingReserved.TYPE);
    }

    private FundingRefused refused(ReserveFunding command) {
        return funding.ask(ReserveFunding.TYPE, command.drawdownId(), command, FundingRefused.TYPE);
    }

    /** The partner's position on the test's day, as staff see it. */
    private JsonNode position() {
        return position(day);
    }

    private JsonNode position(LocalDate date) {
        HttpResponse<String> response = funding.get("/ops/v1/funding/positions?date=" + date, AGENT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("positions").valueStream()
                .filter(p -> p.get("partnerId").asString().equals(partner)).findFirst().orElseThrow();
    }

    @Test
    void aReservationIsConfirmedAsUsedAndALateReleaseChangesNothing() {
        UUID drawdown = UUID.randomUUID();

        FundingReserved reserved = funding.ask(ReserveFunding.TYPE, drawdown, reserve(drawdown, "100.00"),
                FundingReserved.TYPE);

        assertThat(reserved.partnerId()).isEqualTo(partner);
        assertThat(reserved.partnerName()).isEqualTo("测试银行");
        assertThat(reserved.amount()).isEqualTo("100.00");
        assertThat(reserved.businessDate()).isEqualTo(day);
        assertThat(reserved.remainingPlan()).isEqualTo("900.00");
        assertThat(position().get("reserved").asString()).isEqualTo("100.00");
        assertThat(position().get("remaining").asString()).isEqualTo("900.00");

        FundingConfirmed confirmed = funding.ask(ConfirmFunding.TYPE, drawdown, new ConfirmFunding(drawdown),
                FundingConfirmed.TYPE);

        assertThat(confirmed.partnerId()).isEqualTo(partner);
        assertThat(confirmed.amount()).isEqualTo("100.00");
        JsonNode used = position();
        assertThat(used.get("reserved").asString()).isEqualTo("0.00");
        assertThat(used.get("used").asString()).isEqualTo("100.00");
        assertThat(used.get("remaining").asString()).isEqualTo("900.00");
        assertThat(used.get("percentUsed").asString()).isEqualTo("10.00");

        FundingReleased late = funding.ask(ReleaseFunding.TYPE, drawdown, new ReleaseFunding(drawdown, "saga timed out"),
                FundingReleased.TYPE);

        assertThat(late.amount()).isEqualTo("0.00");
        assertThat(position().get("used").asString()).isEqualTo("100.00");
        assertThat(position().get("reserved").asString()).isEqualTo("0.00");
    }

    @Test
    void aFailedDrawdownsReservationIsReleasedOnceHoweverOftenAsked() {
        UUID drawdown = UUID.randomUUID();
        funding.ask(ReserveFunding.TYPE, drawdown, reserve(drawdown, "300.00"), FundingReserved.TYPE);
        assertThat(position().get("remaining").asString()).isEqualTo("700.00");

        FundingReleased released = funding.ask(ReleaseFunding.TYPE, drawdown,
                new ReleaseFunding(drawdown, "channel refused the transfer"), FundingReleased.TYPE);
        funding.send(ReleaseFunding.TYPE, drawdown, new ReleaseFunding(drawdown, "channel refused the transfer"));
        List<FundingReleased> answers = funding.await(drawdown.toString(), FundingReleased.TYPE, 2);

        assertThat(released.amount()).isEqualTo("300.00");
        assertThat(answers).containsOnly(released);
        assertThat(position().get("reserved").asString()).isEqualTo("0.00");
        assertThat(position().get("remaining").asString()).isEqualTo("1000.00");
    }

    @Test
    void releasingWhatWasNeverReservedIsAnsweredWithNothingReleased() {
        UUID drawdown = UUID.randomUUID();

        FundingReleased released = funding.ask(ReleaseFunding.TYPE, drawdown, new ReleaseFunding(drawdown, "limit refused"),
                FundingReleased.TYPE);

        assertThat(released.amount()).isEqualTo("0.00");
    }

    @Test
    void aReservationPastTheDaysPlanIsRefusedAndNothingIsReserved() {
        reserved("950.00");
        UUID drawdown = UUID.randomUUID();

        FundingRefused refusal = refused(reserve(drawdown, "100.00"));

        assertThat(refusal.code()).isEqualTo("POSITION_EXHAUSTED");
        assertThat(refusal.partnerId()).isEqualTo(partner);
        assertThat(refusal.reason()).contains("50.00 left", "1000.00");
        assertThat(position().get("reserved").asString()).isEqualTo("950.00");

        // Exactly to 100% still fits.
        assertThat(reserved("50.00").remainingPlan()).isEqualTo("0.00");
        assertThat(position().get("percentUsed").asString()).isEqualTo("100.00");
    }

    @Test
    void aReSentCommandIsAnsweredTheSameWithoutReservingTwice() {
        UUID drawdown = UUID.randomUUID();
        Envelope first = funding.command(ReserveFunding.TYPE, drawdown, reserve(drawdown, "120.00"));
        funding.send(first);
        funding.send(first);
        funding.send(ReserveFunding.TYPE, drawdown, reserve(drawdown, "120.00"));

        List<FundingReserved> answers = funding.await(drawdown.toString(), FundingReserved.TYPE, 2);

        assertThat(answers).hasSize(2).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.getFirst()));
        assertThat(answers.getFirst().remainingPlan()).isEqualTo("880.00");
        assertThat(position().get("reserved").asString()).isEqualTo("120.00");

        funding.send(ConfirmFunding.TYPE, drawdown, new ConfirmFunding(drawdown));
        funding.send(ConfirmFunding.TYPE, drawdown, new ConfirmFunding(drawdown));
        List<FundingConfirmed> confirmations = funding.await(drawdown.toString(), FundingConfirmed.TYPE, 2);

        assertThat(confirmations).hasSize(2).allSatisfy(c -> assertThat(c.amount()).isEqualTo("120.00"));
        assertThat(position().get("used").asString()).isEqualTo("120.00");
        assertThat(position().get("reserved").asString()).isEqualTo("0.00");
    }

    @Test
    void aRefusalIsRememberedForTheDrawdownEvenAfterTheDayIsToppedUp() {
        reserved("1000.00");
        ReserveFunding late = reserve(UUID.randomUUID(), "10.00");
        assertThat(refused(late).code()).isEqualTo("POSITION_EXHAUSTED");

        HttpResponse<String> topUp = funding.post("/ops/v1/funding/partners/" + partner + "/top-ups", FundingProbe.FINANCE,
                "{\"date\":\"%s\",\"amount\":\"500.00\",\"reason\":\"bank added funds at noon\"}".formatted(day));
        assertThat(topUp.statusCode()).as(topUp.body()).isEqualTo(201);
        funding.send(ReserveFunding.TYPE, late.drawdownId(), late);

        List<FundingRefused> answers = funding.await(late.drawdownId().toString(), FundingRefused.TYPE, 2);
        assertThat(answers).extracting(FundingRefused::code).containsOnly("POSITION_EXHAUSTED");
        assertThat(position().get("reserved").asString()).isEqualTo("1000.00");
        // A new drawdown gets the topped-up money.
        assertThat(reserved("10.00").remainingPlan()).isEqualTo("490.00");
    }

    @Test
    void theDayWarnsOnceWhenReservationsFirstReachNinetyPercent() {
        reserved("899.99");
        assertThat(funding.messages(Set.of(partner), PositionWarning.TYPE)).isEmpty();

        reserved("0.01");
        PositionWarning warning = funding.await(partner, PositionWarning.TYPE, 1).getFirst();

        assertThat(warning.partnerId()).isEqualTo(partner);
        assertThat(warning.businessDate()).isEqualTo(day);
        assertThat(warning.plan()).isEqualTo("1000.00");
        assertThat(warning.used()).isEqualTo("900.00");
        assertThat(warning.percentUsed()).isEqualTo(90);

        reserved("50.00");
        reserved("50.00");
        assertThat(funding.messages(Set.of(partner), PositionWarning.TYPE)).hasSize(1);
        assertThat(position().get("warnedAt").isNull()).isFalse();
    }

    @Test
    void refusalsNameWhyThePartnerCannotFund() {
        String resting = Partners.newId("resting");
        funding.addPartner(resting, Partners.body("休眠银行", false, 5, "0.050000", "\"B\"", "100.00", "5000.00",
                String.valueOf(term), "1000.00", null));
        String planless = Partners.newId("planless");
        funding.addPartner(planless, Partners.body("零计划银行", true, 5, "0.050000", "\"B\"", "100.00", "5000.00",
                String.valueOf(term), "0.00", null));

        assertThat(refused(new ReserveFunding(UUID.randomUUID(), UUID.randomUUID(), resting, "100.00", term, "B", day))
                .code()).isEqualTo("PARTNER_INACTIVE");
        assertThat(refused(new ReserveFunding(UUID.randomUUID(), UUID.randomUUID(), planless, "100.00", term, "B", day))
                .code()).isEqualTo("NO_PLAN");
        FundingRefused grade = refused(new ReserveFunding(UUID.randomUUID(), UUID.randomUUID(), partner, "100.00", term,
                "D", day));
        assertThat(grade.code()).isEqualTo("PARTNER_NOT_ELIGIBLE");
        assertThat(grade.reason()).contains("not D");
        assertThat(refused(new ReserveFunding(UUID.randomUUID(), UUID.randomUUID(), partner, "100.00", term + 1000,
                "B", day)).code()).isEqualTo("PARTNER_NOT_ELIGIBLE");
        assertThat(refused(new ReserveFunding(UUID.randomUUID(), UUID.randomUUID(), "no-such-bank", "100.00", term,
                "B", day)).code()).isEqualTo("PARTNER_NOT_ELIGIBLE");
        assertThat(refused(reserve(UUID.randomUUID(), "10.005")).code()).isEqualTo("INVALID_AMOUNT");
        assertThat(position().get("reserved").asString()).isEqualTo("0.00");
    }

    @Test
    void withoutABusinessDateTheReservationTakesTodayInShanghai() {
        UUID drawdown = UUID.randomUUID();
        ReserveFunding command = new ReserveFunding(drawdown, UUID.randomUUID(), partner, "100.00", term, "B", null);

        FundingReserved reserved = funding.ask(ReserveFunding.TYPE, drawdown, command, FundingReserved.TYPE);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(reserved.businessDate()).isIn(today, today.minusDays(1));
        assertThat(position(reserved.businessDate()).get("reserved").asString()).isEqualTo("100.00");
    }

    @Test
    void concurrentReservationsNeverPassTheDaysPlan() throws Exception {
        int drawdowns = 40;
        List<UUID> ids = new ArrayList<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < drawdowns; i++) {
            UUID drawdown = UUID.randomUUID();
            ids.add(drawdown);
            String record = funding.encode(funding.command(ReserveFunding.TYPE, drawdown, reserve(drawdown, "30.00")));
            // Straight into the consumer, as forty partitions' worth of listeners at once would.
            work.add(() -> {
                listener.on(new ConsumerRecord<>(Topics.FUNDING_COMMANDS, 0, 0, drawdown.toString(), record));
                return null;
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            for (Future<Void> done : threads.invokeAll(work)) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }

        JsonNode position = position();
        assertThat(position.get("reserved").asString()).isEqualTo("990.00");
        assertThat(position.get("remaining").asString()).isEqualTo("10.00");
        Set<String> keys = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(funding.messages(keys, FundingReserved.TYPE)).hasSize(33);
            assertThat(funding.messages(keys, FundingRefused.TYPE)).hasSize(7)
                    .allSatisfy(refusal -> assertThat(refusal.code()).isEqualTo("POSITION_EXHAUSTED"));
        });
        assertThat(funding.messages(Set.of(partner), PositionWarning.TYPE)).hasSize(1);
    }
}
