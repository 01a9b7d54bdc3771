package com.lendflow.reconciliation.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.reconciliation.ReconciliationIntegrationTest;
import com.lendflow.reconciliation.SourceStub;
import com.lendflow.reconciliation.statement.Source;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Files that come late or bad, and what the daily schedule does the next day. */
class RunScheduleTest extends ReconciliationIntegrationTest {

    @Autowired
    RunWorker worker;

    @Test
    void aBadFileIsRejectedWholeWithTheReasonAndUsedOnceItIsGood() {
        record Case(LocalDate day, SourceStub.Fault fault, String reason) {
        }
        List<Case> cases = List.of(
                new Case(LocalDate.of(2025, 4, 1), SourceStub.Fault.WRONG_TRAILER, "trailer count 3 does not match the 2 records"),
                new Case(LocalDate.of(2025, 4, 2), SourceStub.Fault.TRUNCATED, "channel statement: line 3"),
                new Case(LocalDate.of(2025, 4, 3), SourceStub.Fault.DUPLICATED_LINES, "duplicate record key rq-bad1-"));
        for (Case c : cases) {
            String ref = "rq-bad1-" + c.day();
            payment(c.day(), ref, "COLLECTION", "rp-" + ref, "10.00", "SUCCEEDED", at(c.day(), 9, 0, 0), "partner-bank-a");
            channel(c.day(), ref, "COLLECTION", "10.00", "SUCCESS", at(c.day(), 9, 0, 0));
            channel(c.day(), "rq-bad2-" + c.day(), "COLLECTION", "20.00", "SUCCESS", at(c.day(), 9, 30, 0));
            SourceStub.fault(Source.CHANNEL, null, c.day(), c.fault(), 1_000);
            start(c.day(), "CHANNEL");
        }
        for (Case c : cases) {
            JsonNode rejected = awaitRuns(c.day(), "CHANNEL", run -> run.path("state").asString().equals("REJECTED")).getFirst();
            assertThat(rejected.get("detail").asString()).as(c.fault().name()).contains(c.reason());
            assertThat(rejected.get("matched").asLong()).isZero();
            assertThat(breaksOf(c.day())).as("nothing of a rejected file is used").isEmpty();
        }
        // The partner sends a good file; the retry picks it up: rq-bad2 is theirs alone.
        LocalDate fixed = cases.getFirst().day();
        SourceStub.clearFault(Source.CHANNEL, null, fixed);
        JsonNode run = awaitRuns(fixed, "CHANNEL", finished(2)).getFirst();
        assertThat(run.get("matched").asLong()).isEqualTo(1);
        assertThat(breaksOf(fixed)).extracting(b -> b.get("reference").asString()).containsExactly("rq-bad2-" + fixed);
        cases.forEach(c -> SourceStub.clearFault(Source.CHANNEL, null, c.day()));
    }

    @Test
    void aLateStatementLeavesTheRunWaitingUntilItArrives() {
        LocalDate day = LocalDate.of(2025, 4, 10);
        payment(day, "rq-late1", "COLLECTION", "rp-late1", "33.00", "SUCCEEDED", at(day, 9, 0, 0), "partner-bank-a");
        channel(day, "rq-late1", "COLLECTION", "33.00", "SUCCESS", at(day, 9, 0, 0));
        SourceStub.fault(Source.CHANNEL, null, day, SourceStub.Fault.LATE, 2);

        start(day, "CHANNEL");
        JsonNode run = awaitRuns(day, "CHANNEL", finished(1)).getFirst();
        assertThat(run.get("attempts").asInt()).as("two tries found no statement, the third used it").isEqualTo(3);
        assertThat(run.get("matched").asLong()).isEqualTo(1);
        assertThat(run.get("detail").isNull()).isTrue();
        assertThat(breaksOf(day)).isEmpty();
    }

    @Test
    void aBreakALateCallbackSettlesIsClosedByTheNextDaysRun() {
        LocalDate day = LocalDate.of(2025, 4, 20);
        // The channel paid; payment-service had not heard back yet.
        payment(day, "rq-cb1", "PAYOUT", "dd-cb1", "500.00", "PROCESSING", at(day, 15, 0, 0), "partner-bank-a");
        channel(day, "rq-cb1", "PAYOUT", "500.00", "SUCCESS", at(day, 15, 0, 0));
        start(day, "CHANNEL");
        awaitRuns(day, "CHANNEL", finished(1));
        JsonNode open = breaksOf(day).getFirst();
        assertThat(open.get("breakClass").asString()).isEqualTo("STATUS_MISMATCH");
        assertThat(open.get("state").asString()).isEqualTo("OPEN");
        assertThat(open.get("dangerous").asBoolean()).as("a payout waiting for its callback is not money lost").isFalse();

        // The callback came in the night; the next morning's schedule runs the day again.
        SourceStub.replace(Source.PAYMENT, day, "rq-cb1,", "rq-cb1,PAYOUT,dd-cb1,loan-dd-cb1,500.00,SUCCEEDED,ct-rq-cb1,%s,partner-bank-a"
                .formatted(at(day, 15, 0, 0)));
        worker.startDay(day.plusDays(1));
        awaitRuns(day, "CHANNEL", finished(2));
        JsonNode closed = breaksOf(day).getFirst();
        assertThat(closed.get("id").asString()).isEqualTo(open.get("id").asString());
        assertThat(closed.get("state").asString()).isEqualTo("RESOLVED");
        assertThat(closed.get("resolution").asString()).isEqualTo("SELF_RESOLVED");
        assertThat(closed.get("reason").asString()).contains("found both sides agree");
        assertThat(awaitRuns(day.plusDays(1), null, finished(1))).hasSize(5);
    }
}
