package com.lendflow.collection.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.collection.CollectionIntegrationTest;
import com.lendflow.collection.LendflowStub;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer's loans go overdue, collection texts them, they pay, and the case closes; and what ops count of it. */
class CaseLifecycleTest extends CollectionIntegrationTest {

    @Test
    void overdueLoansOpenOneCaseTheD1RunTextsTheBorrowerAndRepaymentClosesIt() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("王小明");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        LocalDate day1 = LocalDate.of(2001, 3, 2);

        overdue(borrower, first, 1, day1, "300.00", "50.00", 1);
        JsonNode opened = caseOf(borrower.customerId(), c -> "350.00".equals(c.path("amountOverdue").asString()));
        assertThat(opened.path("state").asString()).isEqualTo("OPEN");
        assertThat(opened.path("bucket").asString()).isEqualTo("M1");
        assertThat(opened.path("grade").asString()).isEqualTo("LOW");

        // The same fact again, in a new message: nothing changes. Then a second loan joins the case.
        overdue(borrower, first, 1, day1, "300.00", "50.00", 1);
        overdue(borrower, second, 1, day1, "200.00", "20.00", 1);
        JsonNode joined = caseOf(borrower.customerId(), c -> "570.00".equals(c.path("amountOverdue").asString()));
        assertThat(joined.path("id").asString()).isEqualTo(opened.path("id").asString());
        assertThat(detail(opened.path("id").asString()).path("loans")).hasSize(2);

        runFor(day1);
        JsonNode sms = detail(opened.path("id").asString()).path("actions").get(0);
        assertThat(sms.path("kind").asString()).isEqualTo("SMS");
        assertThat(sms.path("state").asString()).isEqualTo("DONE");
        assertThat(sms.path("outcome").asString()).isEqualTo("DELIVERED");
        assertThat(sms.path("providerRef").asString()).isNotBlank();
        JsonNode texted = smsTo(borrower.mobile());
        assertThat(texted).hasSize(1);
        assertThat(texted.get(0).path("text").asString()).contains("王**", "逾期1天", "570.00").doesNotContain("小明");

        // Running the day again adds nothing and texts nobody twice.
        runFor(day1);
        assertThat(detail(opened.path("id").asString()).path("actions")).hasSize(1);
        assertThat(smsTo(borrower.mobile())).hasSize(1);

        // core-ledger down: the case still shows, and says its loans' statements are missing.
        LendflowStub.coreLedgerDown(true);
        JsonNode withoutLedger = detail(opened.path("id").asString());
        assertThat(withoutLedger.path("statementsUnavailable").asString()).contains("core-ledger-service");
        assertThat(withoutLedger.path("loans")).hasSize(2);
        LendflowStub.coreLedgerDown(false);
        assertThat(detail(opened.path("id").asString()).path("loans").get(0).path("statement").path("installments")).hasSize(1);

        // One loan back to current, the other paid off: the case closes.
        bucketMoved(borrower, first, "M1", "M0", 0, day1.plusDays(2));
        repaid(borrower, second, "220.00", day1.plusDays(2), true);
        JsonNode closed = caseOf(borrower.customerId(), c -> "CLOSED".equals(c.path("state").asString()));
        assertThat(closed.path("closeReason").asString()).isEqualTo("LOANS_CURRENT");
        assertThat(closed.path("closedOn").asString()).isEqualTo(day1.plusDays(2).toString());
    }

    @Test
    void aCaseOpenedAfterTheGraceDaysGetsTheLatestContactDueOnceNotEveryMissedOne() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("冯小宝");
        LocalDate day4 = LocalDate.of(2021, 4, 5);
        // Three grace days: the ledger reports the loan overdue at four days past due, after the D1 and D3 texts' days.
        overdue(borrower, UUID.randomUUID(), 1, day4, "300.00", "30.00", 4);
        String caseId = caseOf(borrower.customerId(), c -> "OPEN".equals(c.path("state").asString())).path("id").asString();

        runFor(day4);
        JsonNode actions = detail(caseId).path("actions");
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).path("kind").asString()).isEqualTo("SMS");
        assertThat(smsTo(borrower.mobile())).hasSize(1);
        assertThat(smsTo(borrower.mobile()).get(0).path("text").asString()).contains("逾期4天", "仍未归还");

        runFor(day4.plusDays(1));
        assertThat(detail(caseId).path("actions")).hasSize(2);
        assertThat(callsTo(borrower.mobile())).hasSize(1);
        runFor(day4.plusDays(2));
        assertThat(detail(caseId).path("actions")).hasSize(2);
        assertThat(smsTo(borrower.mobile())).hasSize(1);
    }

    @Test
    void aCaseOpenedAfterItsDaysRunFinishedIsStillTextedThatDay() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("郑小雨");
        LocalDate day1 = LocalDate.of(2003, 6, 10);
        // core-ledger's business-day message outran its loan facts: the day's run finished before the case opened.
        runFor(day1);
        overdue(borrower, UUID.randomUUID(), 1, day1, "100.00", "10.00", 1);
        String caseId = caseOf(borrower.customerId(), c -> "OPEN".equals(c.path("state").asString())).path("id").asString();

        JsonNode texted = eventually(() -> detail(caseId).path("actions"),
                actions -> actions.size() == 1 && "DONE".equals(actions.get(0).path("state").asString()),
                "the late case's D1 text");
        assertThat(texted.get(0).path("kind").asString()).isEqualTo("SMS");
        assertThat(smsTo(borrower.mobile())).hasSize(1);
        assertThat(smsTo(borrower.mobile()).get(0).path("text").asString()).contains("逾期1天", "110.00");

        // Running the day again, as ops might, texts nobody twice.
        runFor(day1);
        assertThat(detail(caseId).path("actions")).hasSize(1);
        assertThat(smsTo(borrower.mobile())).hasSize(1);
    }

    @Test
    void metricsCountCasesOpenedAndClosedTheAmountRecoveredAndTheRollFromM1ToM2() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("赵六");
        UUID loan = UUID.randomUUID();
        LocalDate entered = LocalDate.of(1999, 3, 2);
        LocalDate rolled = LocalDate.of(1999, 4, 1);

        bucketMoved(borrower, loan, "M0", "M1", 1, entered);
        caseOf(borrower.customerId(), c -> true);
        bucketMoved(borrower, loan, "M1", "M2", 31, rolled);
        caseOf(borrower.customerId(), c -> "M2".equals(c.path("bucket").asString()));
        repaid(borrower, loan, "500.00", rolled, false);
        settled(borrower, loan, rolled);
        caseOf(borrower.customerId(), c -> "CLOSED".equals(c.path("state").asString()));

        HttpResponse<String> atEntry = supervisor().get("/ops/v1/collection/metrics?date=" + entered);
        assertThat(atEntry.statusCode()).as(atEntry.body()).isEqualTo(200);
        assertThat(json(atEntry).path("casesOpened").asInt()).isEqualTo(1);

        JsonNode day = json(supervisor().get("/ops/v1/collection/metrics?date=" + rolled));
        assertThat(day.path("casesOpened").asInt()).isZero();
        assertThat(day.path("casesClosed").asInt()).isEqualTo(1);
        assertThat(day.path("closedByReason").path("LOANS_SETTLED").asInt()).isEqualTo(1);
        assertThat(day.path("amountRecovered").asString()).isEqualTo("500.00");
        JsonNode m1ToM2 = day.path("rollRates").get(0);
        assertThat(m1ToM2.path("from").asString()).isEqualTo("M1");
        assertThat(m1ToM2.path("base").asInt()).isEqualTo(1);
        assertThat(m1ToM2.path("rolled").asInt()).isEqualTo(1);
        assertThat(m1ToM2.path("rate").asString()).isEqualTo("1.0000");

        assertThat(staff("agent-x", "OPS_AGENT").get("/ops/v1/collection/metrics?date=" + rolled).statusCode()).isEqualTo(403);
    }

    @Test
    void aDebtReliefEventClosesTheCaseWithItsReason() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("钱七");
        overdue(borrower, UUID.randomUUID(), 1, LocalDate.of(2003, 5, 6), "400.00", "40.00", 1);
        JsonNode open = caseOf(borrower.customerId(), c -> true);

        HttpResponse<String> unknownKind = supervisor().postJson("/ops/v1/customers/" + borrower.customerId() + "/debt-relief",
                "{\"kind\":\"MOVED_AWAY\",\"reason\":\"gone\"}");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.body()).contains("\"field\":\"kind\"");

        HttpResponse<String> relief = supervisor().postJson("/ops/v1/customers/" + borrower.customerId() + "/debt-relief",
                "{\"kind\":\"DECEASED\",\"reason\":\"death certificate received from the family\"}");
        assertThat(relief.statusCode()).as(relief.body()).isEqualTo(201);
        assertThat(json(relief).path("closedCaseId").asString()).isEqualTo(open.path("id").asString());

        JsonNode closed = detail(open.path("id").asString()).path("summary");
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closeReason").asString()).isEqualTo("DEBT_RELIEF");
        assertThat(closed.path("closeNote").asString()).startsWith("DECEASED");
        JsonNode audited = json(supervisor().get("/ops/v1/audit?action=collection.debt-relief&subjectId=" + borrower.customerId()));
        assertThat(audited.toString()).contains("death certificate received from the family");
    }

    @Test
    void aLargerDebtIsGradedHigherAndRoboCalledOnTheThirdDay() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("欧阳娜娜");
        LocalDate day3 = LocalDate.of(2015, 8, 3);
        overdue(borrower, UUID.randomUUID(), 1, day3, "5600.00", "300.00", 3);
        String caseId = caseOf(borrower.customerId(), c -> true).path("id").asString();
        assertThat(detail(caseId).path("summary").path("grade").asString()).isEqualTo("MEDIUM");

        runFor(day3);
        JsonNode call = detail(caseId).path("actions").get(0);
        assertThat(call.path("kind").asString()).isEqualTo("ROBO_CALL");
        assertThat(call.path("outcome").asString()).isEqualTo("ANSWERED");
        JsonNode placed = callsTo(borrower.mobile());
        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).path("script").asString()).contains("欧***", "逾期3天", "5900.00");
        assertThat(smsTo(borrower.mobile())).isEmpty();
    }
}
