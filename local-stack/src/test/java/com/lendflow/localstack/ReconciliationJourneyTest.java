package com.lendflow.localstack;

import static com.lendflow.localstack.DrawdownJourneyTest.JOURNEY;
import static com.lendflow.localstack.DrawdownJourneyTest.field;
import static com.lendflow.localstack.DrawdownJourneyTest.idOf;
import static com.lendflow.localstack.RepaymentJourneyTest.awaitStatus;
import static com.lendflow.localstack.RepaymentJourneyTest.repay;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.localstack.RepaymentJourneyTest.Borrower;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * D+1 reconciliation (#8) on the real exports and the simulator's real statements: three loans paid
 * out and a repayment collected today reconcile with no break in any of the three reconciliations
 * (internal, channel, funding partner); then the channel's statement drops one payout, misstates
 * another and shows one we never sent — each found once, in its class, the dangerous ones alerted;
 * a rerun finds the same breaks and no more; finance resolves one, an agent may not.
 */
class ReconciliationJourneyTest {

    final String app = "Bearer " + SharedStack.clientToken("app-backend");
    final String finance = "Bearer " + SharedStack.staffToken("finance");

    @AfterEach
    void honestStatementsAgain() {
        SharedStack.send(HttpRequest.newBuilder(URI.create(simulator() + "/sim/v1/statements/breaks")).DELETE());
    }

    @Test
    void todaysPayoutsAndCollectionsReconcileAndEveryInjectedBreakIsFoundOnceInItsClass() {
        Borrower dropped = RepaymentJourneyTest.borrowerWithLoan(app, "郑小东");
        Borrower misstated = RepaymentJourneyTest.borrowerWithLoan(app, "王小西");
        Borrower clean = RepaymentJourneyTest.borrowerWithLoan(app, "冯小南");
        String repayment = idOf(repay(clean.asCustomer(), clean.loanId(), "{\"mode\":\"CURRENT_INSTALLMENT\"}"), 202);
        awaitStatus("/api/v1/repayment-orders/" + repayment, clean.asCustomer(), "SUCCEEDED");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        String droppedNo = payoutRequestNo(dropped);
        String misstatedNo = payoutRequestNo(misstated);
        String cleanNo = payoutRequestNo(clean);
        String phantomNo = "LFD-PHANTOM-" + UUID.randomUUID().toString().substring(0, 8);
        inject("/sim/v1/statements/breaks", """
                {"target":"CHANNEL","reference":"%s","kind":"DROP"}""".formatted(droppedNo));
        inject("/sim/v1/statements/breaks", """
                {"target":"CHANNEL","reference":"%s","kind":"AMOUNT","amount":"99.00"}""".formatted(misstatedNo));
        inject("/sim/v1/statements/extra", """
                {"target":"CHANNEL","date":"%s","reference":"%s","direction":"PAYOUT","amount":"500.00","status":"SUCCESS"}"""
                .formatted(today, phantomNo));

        String breaks = reconcile(today);
        assertThat(breakOf(breaks, "CHANNEL", droppedNo)).contains("\"breakClass\":\"MISSING_ON_THEIR_SIDE\"");
        assertThat(breakOf(breaks, "CHANNEL", misstatedNo)).contains("\"breakClass\":\"AMOUNT_MISMATCH\"")
                .contains("\"amount\":\"100.00\"").contains("\"amount\":\"99.00\"");
        String phantom = breakOf(breaks, "CHANNEL", phantomNo);
        assertThat(phantom).contains("\"breakClass\":\"MISSING_ON_OUR_SIDE\"", "\"dangerous\":true");
        // The untouched payout and the collection agree everywhere: internally (order, payment, ledger),
        // with the channel and with the funding partner.
        for (String reference : new String[] {cleanNo, clean.drawdownId(), repayment, dropped.drawdownId(),
                misstated.drawdownId()}) {
            assertThat(breaks).as("no break for " + reference).doesNotContain("\"reference\":\"" + reference + "\"");
        }
        String phantomId = field(phantom, "id");
        assertThat(DrawdownJourneyTest.repliesOf("lendflow.reconciliation.alert", phantomId)).hasSize(1);

        // The same date again: the same breaks, no more.
        String again = reconcile(today);
        assertThat(count(again)).isEqualTo(count(breaks));
        assertThat(field(breakOf(again, "CHANNEL", phantomNo), "id")).isEqualTo(phantomId);

        // Finance resolves it; an agent may not.
        String resolve = "/ops/v1/reconciliation/breaks/" + phantomId + "/resolve";
        String body = "{\"resolution\":\"FALSE_ALARM\",\"reason\":\"test record the channel confirmed it never settled\"}";
        assertThat(SharedStack.postJson(resolve, body, Map.of("Authorization", "Bearer " + SharedStack.staffToken("agent")))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> resolved = SharedStack.postJson(resolve, body, Map.of("Authorization", finance));
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.body()).contains("\"state\":\"RESOLVED\"", "\"resolution\":\"FALSE_ALARM\"");
        HttpResponse<String> report = SharedStack.get("/ops/v1/reconciliation/reports/" + today + ".csv",
                Map.of("Authorization", finance));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains(misstatedNo, phantomNo);
    }

    /** Starts every reconciliation of {@code date} as finance would, waits for all to finish, returns its breaks. */
    String reconcile(LocalDate date) {
        Map<String, String> asFinance = Map.of("Authorization", finance);
        HttpResponse<String> started = SharedStack.postJson("/ops/v1/reconciliation/runs",
                "{\"businessDate\":\"%s\",\"reason\":\"journey test\"}".formatted(date), asFinance);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            String runs = SharedStack.get("/ops/v1/reconciliation/runs?date=" + date + "&size=50", asFinance).body();
            assertThat(runs).contains("\"state\":\"FINISHED\"")
                    .doesNotContain("\"state\":\"QUEUED\"", "\"state\":\"RUNNING\"", "\"state\":\"WAITING\"",
                            "\"state\":\"REJECTED\"", "\"state\":\"FAILED\"");
        });
        HttpResponse<String> breaks = SharedStack.get("/ops/v1/reconciliation/breaks?date=" + date + "&size=200",
                asFinance);
        assertThat(breaks.statusCode()).as(breaks.body()).isEqualTo(200);
        return breaks.body();
    }

    static String breakOf(String breaks, String reconciliation, String reference) {
        Matcher found = Pattern.compile("\\{\"id\":\"[^{}]*\"reconciliation\":\"" + reconciliation
                + "\"[^{}]*\"reference\":\"" + Pattern.quote(reference) + "\"[^{}]*(\\{[^{}]*\\}[^{}]*)*\\}")
                .matcher(breaks);
        assertThat(found.find()).as(reference + " in " + breaks).isTrue();
        String one = found.group();
        assertThat(found.find()).as("only one break for " + reference).isFalse();
        return one;
    }

    static long count(String breaks) {
        return Long.parseLong(field(breaks, "totalItems"));
    }

    static String payoutRequestNo(Borrower b) {
        return SharedStack.text("lendflow_payment", "select request_no from disbursement where drawdown_id = '"
                + b.drawdownId() + "'");
    }

    static void inject(String path, String json) {
        HttpResponse<String> injected = SharedStack.send(HttpRequest.newBuilder(URI.create(simulator() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(injected.statusCode()).as(injected.body()).isEqualTo(201);
    }

    static String simulator() {
        return SharedStack.get().urlOf(Suite.PARTNER_SIMULATOR);
    }
}
