package com.lendflow.localstack;

import static com.lendflow.localstack.DrawdownJourneyTest.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.localstack.RepaymentJourneyTest.Borrower;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The ops console's working pages end to end in a real headless Chromium ({@code ops-console/e2e/work.e2e.mjs}):
 * an agent finds an overdue borrower's collection case in their worklist, logs a call with a promise to pay
 * and asks for a waiver; the agent cannot approve it (the page shows the API's refusal and nothing changes);
 * a supervisor approves it; a finance user reconciles the channel, resolves the phantom payout it finds with
 * a reason, and runs end of day watching its progress. Afterwards the services are asked whether they hold
 * what the browser did.
 *
 * <p>The overdue loan costs a month of end-of-day runs, so this runs last but one, after every class that
 * expects the business date near the calendar's: a loan starts on the day the channel paid it out, so with the
 * business date a month ahead a new loan is a month overdue at its first end of day (RepaymentJourneyTest needs
 * its loans to pass through one to five days past due). Here the loan may already be past M1 by then, so the
 * worklist is filtered on the bucket the loan is in.
 */
@Order(Integer.MAX_VALUE - 1)
class OpsConsoleWorkE2ETest {

    static final Duration JOURNEY = Duration.ofSeconds(90);
    static final Pattern ADJUSTMENT = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"loanId\":\"([0-9a-f-]{36})\"[^{}]*"
            + "\"kind\":\"WAIVER\"");

    final String app = "Bearer " + SharedStack.clientToken("app-backend");
    final Map<String, String> supervisor = Map.of("Authorization", "Bearer " + SharedStack.staffToken("supervisor"));
    final Map<String, String> finance = Map.of("Authorization", "Bearer " + SharedStack.staffToken("finance"));

    @Test
    void anAgentLogsAPromiseAndAsksForAWaiverASupervisorApprovesItAndFinanceResolvesABreakAndClosesTheDay()
            throws Exception {
        ConsoleBrowser.required();
        long started = System.nanoTime();

        // An overdue borrower: the card is empty, so each due date's withholding fails, and end of day runs
        // until the loan is a day past due and collection opens the case.
        Borrower borrower = RepaymentJourneyTest.borrowerWithLoan(app, "韩小梅");
        RepaymentJourneyTest.emptyCard(borrower, "0.00");
        int days = 0;
        while (daysPastDue(borrower) < 1) {
            assertThat(days++).as("end-of-day runs before the loan is overdue").isLessThan(40);
            endOfDay();
        }
        String caseId = openCase(borrower.customerId());
        String bucket = field(SharedStack.get("/ops/v1/loans/" + borrower.loanId() + "/statement", supervisor).body(),
                "bucket");
        // The agent takes the case: registered as a collection agent and handed the case, as a supervisor does.
        put("/ops/v1/collection/agents/agent", """
                {"displayName":"Agent","grades":["LOW","MEDIUM","HIGH"],"capacity":500,"senior":false,"active":true,
                 "reason":"console journey"}""");
        HttpResponse<String> assigned = SharedStack.postJson("/ops/v1/collection/cases/" + caseId + "/assignment",
                "{\"agentId\":\"agent\",\"reason\":\"console journey\"}", supervisor);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        String businessDate = field(SharedStack.get("/ops/v1/business-date", finance).body(), "businessDate");
        LocalDate promised = LocalDate.parse(businessDate).plusDays(3);

        // A payout the channel's statement shows and we never sent: the break finance will resolve.
        // Yesterday's statement (D+1, as finance reconciles): today's has been reconciled already by
        // ReconciliationJourneyTest in the full suite, and its statement was fetched before this line existed.
        LocalDate statementDay = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        String phantom = "LFD-CONSOLE-" + UUID.randomUUID().toString().substring(0, 8);
        ReconciliationJourneyTest.inject("/sim/v1/statements/extra", """
                {"target":"CHANNEL","date":"%s","reference":"%s","direction":"PAYOUT","amount":"300.00","status":"SUCCESS"}"""
                .formatted(statementDay, phantom));
        long prepared = System.nanoTime();

        Map<String, String> env = new HashMap<>();
        env.put("E2E_CASE_ID", caseId);
        env.put("E2E_BUCKET", bucket);
        env.put("E2E_CUSTOMER_ID", borrower.customerId());
        env.put("E2E_LOAN_ID", borrower.loanId());
        env.put("E2E_BORROWER_MOBILE", borrower.mobile());
        env.put("E2E_PROMISE_DATE", promised.toString());
        env.put("E2E_RECONCILIATION_DATE", statementDay.toString());
        env.put("E2E_PHANTOM", phantom);
        env.put("E2E_BUSINESS_DATE", businessDate);
        String output = ConsoleBrowser.run("e2e/work.e2e.mjs", "target/e2e-screenshots", Duration.ofSeconds(150), env);
        Matcher adjustment = ADJUSTMENT.matcher(SharedStack.get("/ops/v1/loan-adjustments?loanId=" + borrower.loanId(),
                supervisor).body());
        assertThat(adjustment.find()).as("the waiver the agent asked for").isTrue();
        String adjustmentId = adjustment.group(1);
        assertThat(output).contains("E2E PASSED", "waiver " + adjustmentId);

        // What the browser did is what the services hold.
        String detail = SharedStack.get("/ops/v1/collection/cases/" + caseId, supervisor).body();
        assertThat(detail).containsPattern("\"agentId\":\"agent\",\"channel\":\"CALL\",\"party\":\"BORROWER\","
                        + "\"mobile\":\"[0-9]{3}\\*{4}[0-9]{4}\",\"outcome\":\"PROMISED_TO_PAY\"")
                .contains("\"amount\":\"35.00\",\"date\":\"" + promised + "\"")
                .doesNotContain(borrower.mobile());
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(SharedStack.get("/ops/v1/loan-adjustments/" + adjustmentId, supervisor).body())
                        .contains("\"state\":\"APPLIED\"", "\"maker\":\"agent\"", "\"checker\":\"supervisor\"",
                                "\"interest\":\"0.10\"")
                        .contains("the agent's call: lost income this month")
                        .doesNotContain("looks fine to the agent"));
        assertThat(SharedStack.get("/ops/v1/loans/" + borrower.loanId() + "/statement", supervisor).body())
                .containsPattern("\"period\":1,[^{}]*\"interestWaived\":\"0.10\"");
        String breaks = SharedStack.get("/ops/v1/reconciliation/breaks?date=" + statementDay + "&reconciliation=CHANNEL&size=200",
                finance).body();
        assertThat(ReconciliationJourneyTest.breakOf(breaks, "CHANNEL", phantom))
                .contains("\"breakClass\":\"MISSING_ON_OUR_SIDE\"", "\"state\":\"RESOLVED\"",
                        "\"resolution\":\"FALSE_ALARM\"", "\"updatedBy\":\"finance\"",
                        "the channel's test transfer, never paid out");
        String after = field(SharedStack.get("/ops/v1/business-date", finance).body(), "businessDate");
        assertThat(LocalDate.parse(after)).isEqualTo(LocalDate.parse(businessDate).plusDays(1));
        assertThat(SharedStack.get("/ops/v1/eod/runs/" + businessDate, finance).body()).contains("\"status\":\"FINISHED\"");
        System.out.printf("console work journey: %d end-of-day runs and data in %d ms, the browser and checks in %d ms%n",
                days, (prepared - started) / 1_000_000, (System.nanoTime() - prepared) / 1_000_000);
    }

    int daysPastDue(Borrower b) {
        return Integer.parseInt(field(SharedStack.get("/api/v1/loans/" + b.loanId() + "/statement", b.asCustomer()).body(),
                "daysPastDue"));
    }

    void endOfDay() {
        HttpResponse<String> started = SharedStack.postJson("/ops/v1/eod/runs", "{}", finance);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String day = field(started.body(), "businessDate");
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(SharedStack.get("/ops/v1/eod/runs/" + day, finance).body()).contains("\"status\":\"FINISHED\""));
    }

    String openCase(String customerId) {
        String[] id = new String[1];
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String found = SharedStack.get("/ops/v1/collection/cases?state=OPEN&customerId=" + customerId, supervisor).body();
            assertThat(found).contains("\"totalItems\":1");
            Matcher first = DrawdownJourneyTest.ID.matcher(found);
            assertThat(first.find()).as(found).isTrue();
            id[0] = first.group(1);
        });
        return id[0];
    }

    void put(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedStack.gateway() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        supervisor.forEach(request::header);
        HttpResponse<String> answer = SharedStack.send(request);
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
    }
}
