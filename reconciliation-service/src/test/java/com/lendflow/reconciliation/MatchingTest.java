package com.lendflow.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.Topics;
import com.lendflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A day's files with every kind of break injected; the cut-off between two days. */
class MatchingTest extends ReconciliationIntegrationTest {

    private static final String BANK_A = "partner-bank-a";
    private static final String CFC_B = "partner-cfc-b";

    /** A payout everybody agrees on: loan-order, ledger, payment, the channel and the partner. */
    private static void agreedPayout(LocalDate day, String drawdownId, String amount, String partner) {
        String time = at(day, 10, 0, 0);
        drawdown(day, drawdownId, "DISBURSED", amount, time);
        ledger(day, drawdownId, "DISBURSEMENT", amount, partner, time);
        payment(day, "rq-" + drawdownId, "PAYOUT", drawdownId, amount, "SUCCEEDED", time, partner);
        channel(day, "rq-" + drawdownId, "PAYOUT", amount, "SUCCESS", time);
        funding(day, partner, drawdownId, "DISBURSEMENT", amount);
    }

    /** A repayment collected, with each party's record switched on or off and the channel's and partner's amounts. */
    private static void collection(LocalDate day, String repaymentId, String amount, String partner, boolean inLedger,
                                   boolean inPayment, String channelAmount, String partnerAmount) {
        String time = at(day, 11, 0, 0);
        if (inLedger) {
            ledger(day, repaymentId, "REPAYMENT", amount, partner, time);
        }
        if (inPayment) {
            payment(day, "rq-" + repaymentId, "COLLECTION", repaymentId, amount, "SUCCEEDED", time, partner);
        }
        if (channelAmount != null) {
            channel(day, "rq-" + repaymentId, "COLLECTION", channelAmount, "SUCCESS", time);
        }
        if (partnerAmount != null) {
            funding(day, partner, repaymentId, "REPAYMENT", partnerAmount);
        }
    }

    @Test
    void findsEveryInjectedBreakExactlyOnceAndNothingElseAndARerunChangesNothing() {
        LocalDate day = LocalDate.of(2025, 3, 3);
        String p = "d0303-";
        agreedPayout(day, p + "dd1", "1000.00", BANK_A);
        agreedPayout(day, p + "dd2", "2500.00", CFC_B);
        collection(day, p + "rp1", "350.00", BANK_A, true, true, "350.00", "350.00");
        collection(day, p + "rp2", "120.50", CFC_B, true, true, "120.50", "120.50");
        // A payout tried and failed everywhere, and one payment refused before it reached the channel: no money moved.
        drawdown(day, p + "dd3", "FAILED", "800.00", at(day, 12, 0, 0));
        payment(day, "rq-" + p + "dd3", "PAYOUT", p + "dd3", "800.00", "FAILED", at(day, 12, 0, 0), BANK_A);
        channel(day, "rq-" + p + "dd3", "PAYOUT", "800.00", "FAILED", at(day, 12, 0, 0));
        payment(day, "rq-" + p + "dd4", "PAYOUT", p + "dd4", "900.00", "FAILED", at(day, 12, 5, 0), BANK_A);
        drawdown(day, p + "dd4", "FAILED", "900.00", at(day, 12, 5, 0));

        // The channel collected money payment-service never heard of.
        channel(day, "rq-" + p + "x1", "COLLECTION", "50.00", "SUCCESS", at(day, 13, 0, 0));
        // A collection missing from the channel's statement.
        collection(day, p + "x2", "60.00", BANK_A, true, true, null, "60.00");
        // The channel collected a different amount.
        collection(day, p + "x3", "70.00", BANK_A, true, true, "70.10", "70.00");
        // The channel paid out what payment-service and loan-order recorded as failed; the partner's money left too.
        drawdown(day, p + "x4", "FAILED", "800.00", at(day, 14, 0, 0));
        payment(day, "rq-" + p + "x4", "PAYOUT", p + "x4", "800.00", "FAILED", at(day, 14, 0, 0), BANK_A);
        channel(day, "rq-" + p + "x4", "PAYOUT", "800.00", "SUCCESS", at(day, 14, 0, 0));
        funding(day, BANK_A, p + "x4", "DISBURSEMENT", "800.00");
        // The ledger booked a repayment no payment collected (and the partner never received).
        collection(day, p + "x5", "90.00", BANK_A, true, false, null, null);
        // The partner's statement shows a repayment a fen short.
        collection(day, p + "x6", "300.00", BANK_A, true, true, "300.00", "299.99");

        start(day, null);
        List<JsonNode> runs = awaitRuns(day, null, finished(1));

        Map<String, String> expected = Map.of(
                "CHANNEL/simpay/rq-" + p + "x1", "MISSING_ON_OUR_SIDE",
                "CHANNEL/simpay/rq-" + p + "x2", "MISSING_ON_THEIR_SIDE",
                "CHANNEL/simpay/rq-" + p + "x3", "AMOUNT_MISMATCH",
                "CHANNEL/simpay/rq-" + p + "x4", "STATUS_MISMATCH",
                "FUNDING_PARTNER/partner-bank-a/" + p + "x4", "MISSING_ON_OUR_SIDE",
                "INTERNAL/internal/" + p + "x5", "MISSING_ON_THEIR_SIDE",
                "FUNDING_PARTNER/partner-bank-a/" + p + "x5", "MISSING_ON_THEIR_SIDE",
                "FUNDING_PARTNER/partner-bank-a/" + p + "x6", "AMOUNT_MISMATCH");
        List<JsonNode> breaks = breaksOf(day);
        assertThat(breaks.stream().collect(Collectors.toMap(MatchingTest::where, b -> b.get("breakClass").asString())))
                .isEqualTo(expected);
        assertThat(breaks).allMatch(b -> b.get("state").asString().equals("OPEN"));
        JsonNode x4 = breaks.stream().filter(b -> where(b).equals("CHANNEL/simpay/rq-" + p + "x4")).findFirst().orElseThrow();
        assertThat(x4.get("dangerous").asBoolean()).isTrue();
        assertThat(x4.at("/ours/status").asString()).isEqualTo("FAILED");
        assertThat(x4.at("/theirs/status").asString()).isEqualTo("SUCCESS");
        assertThat(x4.at("/theirs/record").asString()).isEqualTo("ct-rq-%sx4,rq-%sx4,PAYOUT,800.00,SUCCESS,%s"
                .formatted(p, p, at(day, 14, 0, 0)));

        JsonNode channelRun = runs.stream().filter(r -> r.get("reconciliation").asString().equals("CHANNEL")).findFirst().orElseThrow();
        // ours: 2 payouts, 2 collections, the two failed payouts, x2, x3, x4, x6; theirs: the same but x2, plus x1.
        assertThat(channelRun.at("/ours/read").asLong()).isEqualTo(10);
        assertThat(channelRun.at("/theirs/read").asLong()).isEqualTo(9);
        assertThat(channelRun.get("matched").asLong()).isEqualTo(6);
        assertThat(channelRun.get("broken").asLong()).isEqualTo(4);

        // Each dangerous break raised one alert: the channel's payout and the partner's money gone with no loan.
        List<String> dangerous = breaks.stream().filter(b -> b.get("dangerous").asBoolean()).map(b -> b.get("id").asString()).toList();
        assertThat(dangerous).hasSize(2);
        assertThat(alertsOf(day)).containsOnlyKeys(dangerous).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));

        // The same date again: same breaks, same ids, no new history, no new alert.
        Map<String, String> ids = breaks.stream().collect(Collectors.toMap(MatchingTest::where, b -> b.get("id").asString()));
        start(day, null);
        awaitRuns(day, null, finished(2));
        List<JsonNode> again = breaksOf(day);
        assertThat(again.stream().collect(Collectors.toMap(MatchingTest::where, b -> b.get("id").asString()))).isEqualTo(ids);
        assertThat(again).allMatch(b -> b.get("state").asString().equals("OPEN"));
        assertThat(again).allSatisfy(b -> assertThat(finance().get("/ops/v1/reconciliation/breaks/" + b.get("id").asString()))
                .satisfies(detail -> assertThat(json(detail).get("history")).hasSize(1)));
        assertThat(alertsOf(day).values()).containsOnly(1L);
    }

    @Test
    void aTransactionAcrossMidnightIsMatchedByTheNextDaysRunNotReportedTwice() {
        LocalDate day = LocalDate.of(2025, 3, 10);
        LocalDate next = day.plusDays(1);
        // Their 23:58:30, our 00:01:00 the next day.
        channel(day, "rq-cut1", "COLLECTION", "88.00", "SUCCESS", at(day, 23, 58, 30));
        payment(next, "rq-cut1", "COLLECTION", "rp-cut1", "88.00", "SUCCEEDED", at(next, 0, 1, 0), "partner-bank-a");
        // Near midnight too, but nobody ever has its counterpart.
        channel(day, "rq-cut2", "COLLECTION", "45.00", "SUCCESS", at(day, 23, 57, 0));

        start(day, "CHANNEL");
        JsonNode first = awaitRuns(day, "CHANNEL", finished(1)).getFirst();
        assertThat(first.get("broken").asLong()).isZero();
        assertThat(first.get("pending").asLong()).isEqualTo(2);
        assertThat(breaksOf(day)).extracting(b -> b.get("state").asString()).containsOnly("PENDING");

        start(next, "CHANNEL");
        JsonNode second = awaitRuns(next, "CHANNEL", finished(1)).getFirst();
        assertThat(second.get("matched").asLong()).isEqualTo(1);
        assertThat(second.get("broken").asLong()).isZero();
        assertThat(breaksOf(next)).isEmpty();
        Map<String, JsonNode> held = breaksOf(day).stream().collect(Collectors.toMap(b -> b.get("reference").asString(),
                Function.identity()));
        assertThat(held.get("rq-cut1").get("breakClass").asString()).isEqualTo("DATE_MISMATCH");
        assertThat(held.get("rq-cut1").get("state").asString()).isEqualTo("RESOLVED");
        assertThat(held.get("rq-cut1").get("resolution").asString()).isEqualTo("SELF_RESOLVED");
        assertThat(held.get("rq-cut1").at("/ours/amount").asString()).isEqualTo("88.00");
        assertThat(held.get("rq-cut2").get("breakClass").asString()).isEqualTo("MISSING_ON_OUR_SIDE");
        assertThat(held.get("rq-cut2").get("state").asString()).isEqualTo("OPEN");
    }

    private static String where(JsonNode b) {
        return b.get("reconciliation").asString() + "/" + b.get("party").asString() + "/" + b.get("reference").asString();
    }

    /** Alerts on the topic for the date, counted per break (only this class's day has dangerous breaks). */
    private static Map<String, Long> alertsOf(LocalDate day) {
        List<ConsumerRecord<String, String>> all = KafkaProbe.readAll(Topics.RECONCILIATION_ALERT, 2, Duration.ofSeconds(10));
        return all.stream().map(r -> JSON.readTree(r.value()).get("payload"))
                .filter(alert -> alert.get("businessDate").asString().equals(day.toString()))
                .collect(Collectors.groupingBy(alert -> alert.get("breakId").asString(), Collectors.counting()));
    }
}
