package com.lendflow.localstack;

import static com.lendflow.localstack.DrawdownJourneyTest.JOURNEY;
import static com.lendflow.localstack.DrawdownJourneyTest.field;
import static com.lendflow.localstack.DrawdownJourneyTest.idOf;
import static com.lendflow.localstack.DrawdownJourneyTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The money comes back (#7), through the gateway across every service: a borrower repays the
 * 100-yuan loan installment by installment until it is settled, with the line whole again and a
 * settlement certificate to download; three others let theirs go overdue while end of day runs
 * (their cards are empty, so withholding fails): penalty accrues, a collection case opens and texts
 * them, the line freezes; one pays off (case closed, line unfrozen), one gets an extension under
 * maker-checker, one has a waiver and is written off, then pays something back as a recovery.
 *
 * <p>Runs last in the stack's JVM: its end-of-day runs move the business date on by weeks.
 */
@Order(Integer.MAX_VALUE - 2)
class RepaymentJourneyTest {

    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    final String app = "Bearer " + SharedStack.clientToken("app-backend");
    final String finance = "Bearer " + SharedStack.staffToken("finance");
    final String agent = "Bearer " + SharedStack.staffToken("agent");
    final String supervisor = "Bearer " + SharedStack.staffToken("supervisor");
    final String supervisor2 = "Bearer " + SharedStack.staffToken("supervisor2");

    /** A borrower with a line, a bound card and a disbursed 100-yuan, 3-month loan. */
    record Borrower(String customerId, String mobile, Map<String, String> asCustomer, String cardId, String drawdownId,
                    String loanId, java.util.List<String> installments) {
    }

    @Test
    void repaysTheHundredYuanLoanInstallmentByInstallmentUntilSettledWithTheLineWholeAndACertificate() {
        Borrower b = borrowerWithLoan("赵小刚");
        Borrower other = borrowerWithLoan("钱小丽");
        String limit = field(line(b), "creditLimit");

        // Refused, and nothing moves: another customer's loan, a negative amount, more than the payoff.
        assertThat(repay(other.asCustomer(), b.loanId(), "{\"mode\":\"CURRENT_INSTALLMENT\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> negative = repay(b.asCustomer(), b.loanId(), "{\"mode\":\"AMOUNT\",\"amount\":\"-5.00\"}");
        assertThat(negative.statusCode()).as(negative.body()).isEqualTo(400);
        assertThat(negative.body()).contains("\"field\":\"amount\"");
        HttpResponse<String> tooMuch = repay(b.asCustomer(), b.loanId(), "{\"mode\":\"AMOUNT\",\"amount\":\"500.00\"}");
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("\"field\":\"amount\"");
        assertThat(collectionsFor(b)).isZero();

        for (int period = 1; period <= 3; period++) {
            String key = UUID.randomUUID().toString();
            HttpResponse<String> accepted = repay(with(b.asCustomer(), "Idempotency-Key", key), b.loanId(),
                    "{\"mode\":\"CURRENT_INSTALLMENT\"}");
            String orderId = idOf(accepted, 202);
            assertThat(field(accepted.body(), "amount")).isEqualTo(b.installments().get(period - 1));
            if (period == 1) {
                // The app retries the same tap: the same order, nothing collected twice.
                HttpResponse<String> again = SharedStack.postJson("/api/v1/loans/" + b.loanId() + "/repayments",
                        "{\"mode\":\"CURRENT_INSTALLMENT\"}", with(b.asCustomer(), "Idempotency-Key", key));
                assertThat(idOf(again, 202)).isEqualTo(orderId);
            }
            awaitStatus("/api/v1/repayment-orders/" + orderId, b.asCustomer(), "SUCCEEDED");
            int paid = period;
            Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(statement(b))
                    .containsPattern("\"period\":" + paid + ",[^{}]*\"state\":\"PAID\""));
            if (period < 3) {
                // Each repaid principal comes back to the revolving line.
                assertThat(new BigDecimal(field(line(b), "occupied"))).isLessThan(new BigDecimal("100.00"));
            }
        }
        Awaitility.await().atMost(JOURNEY).untilAsserted(() ->
                assertThat(statement(b)).contains("\"status\":\"SETTLED\""));
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> {
            String line = line(b);
            assertThat(field(line, "occupied")).isEqualTo("0.00");
            assertThat(field(line, "available")).isEqualTo(limit);
        });
        assertThat(collectionsFor(b)).isEqualTo(3);

        // The settlement certificate (结清证明), the borrower's own, and the SMS that says so.
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> {
            HttpResponse<String> certificate = SharedStack.get("/api/v1/loans/" + b.loanId() + "/settlement-certificate",
                    b.asCustomer());
            assertThat(certificate.statusCode()).as(certificate.body()).isEqualTo(200);
            assertThat(certificate.body()).startsWith("%PDF");
        });
        assertThat(SharedStack.get("/api/v1/loans/" + b.loanId() + "/settlement-certificate", other.asCustomer())
                .statusCode()).isEqualTo(404);
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(simulator("/sim/v1/sms?mobile=" + b.mobile()))
                .contains("全部还清"));
        assertBooksBalance();
    }

    @Test
    void overdueLoansAreCollectedFrozenExtendedWaivedWrittenOffAndRecovered() {
        Borrower payer = borrowerWithLoan("孙大伟");
        Borrower extended = borrowerWithLoan("周小芳");
        Borrower writtenOff = borrowerWithLoan("吴小军");
        for (Borrower b : new Borrower[] {payer, extended, writtenOff}) {
            emptyCard(b, "0.00");
        }

        // End of day, day after day, until the loans are five days past due: each due date's
        // withholding fails on the empty cards, and the loans go overdue.
        for (int day = 0; day < 70 && daysPastDue(payer) < 5; day++) {
            endOfDay();
        }
        assertThat(daysPastDue(payer)).isEqualTo(5);
        String overdue = statement(payer);
        assertThat(field(overdue, "bucket")).isEqualTo("M1");
        assertThat(overdue).containsPattern("\"state\":\"OVERDUE\"[^{}]*\"penalty\":\"(?!0\\.00\")[0-9]");
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(SharedStack.get("/ops/v1/withholdings?loanId="
                + payer.loanId(), Map.of("Authorization", finance)).body()).contains("INSUFFICIENT_FUNDS"));

        // One collection case per customer, texted on D1 (or held until quiet hours end), the line frozen at D3.
        String caseId = awaitCase(payer, "OPEN");
        String detail = SharedStack.get("/ops/v1/collection/cases/" + caseId, Map.of("Authorization", supervisor)).body();
        assertThat(detail).contains(payer.loanId()).doesNotContain(payer.mobile());
        LocalTime shanghai = LocalTime.now(ZoneId.of("Asia/Shanghai"));
        boolean quiet = shanghai.isAfter(LocalTime.of(20, 55)) || shanghai.isBefore(LocalTime.of(8, 5));
        if (!quiet) {
            Awaitility.await().atMost(JOURNEY).untilAsserted(() ->
                    assertThat(simulator("/sim/v1/sms?mobile=" + payer.mobile())).contains("逾期"));
        }
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(SharedStack.get("/ops/v1/collection/cases/"
                + caseId, Map.of("Authorization", supervisor)).body()).containsPattern(
                "\"kind\":\"SMS\",\"state\":\"" + (quiet ? "(DEFERRED|DONE)" : "DONE") + "\""));
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(field(line(payer), "status")).isEqualTo("FROZEN"));
        HttpResponse<String> refused = SharedStack.postJson("/api/v1/drawdowns", """
                {"amount":"100.00","termMonths":3,"method":"EQUAL_INSTALLMENT","cardId":"%s"}""".formatted(payer.cardId()),
                with(payer.asCustomer(), "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("credit-line-frozen");

        // The payer pays everything off: the case closes and, by rule, the line is unfrozen.
        emptyCard(payer, null);
        String payoff = idOf(repay(payer.asCustomer(), payer.loanId(), "{\"mode\":\"PAYOFF\"}"), 202);
        awaitStatus("/api/v1/repayment-orders/" + payoff, payer.asCustomer(), "SUCCEEDED");
        Awaitility.await().atMost(JOURNEY).untilAsserted(() ->
                assertThat(statement(payer)).contains("\"status\":\"SETTLED\""));
        awaitCase(payer, "CLOSED");
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> {
            String line = line(payer);
            assertThat(field(line, "status")).isEqualTo("ACTIVE");
            assertThat(field(line, "occupied")).isEqualTo("0.00");
        });

        // Extension (展期) under maker-checker: an agent asks, cannot approve, a supervisor approves.
        String extension = idOf(SharedStack.postJson("/ops/v1/loan-adjustments", """
                {"loanId":"%s","kind":"EXTENSION","extraPeriods":2,"reason":"lost job, income again from next month"}"""
                .formatted(extended.loanId()), Map.of("Authorization", agent)), 201);
        assertThat(decide(agent, extension, "approve").statusCode()).isEqualTo(403);
        assertThat(decide(supervisor, extension, "approve").statusCode()).isEqualTo(200);
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(SharedStack.get("/ops/v1/loan-adjustments/"
                + extension, Map.of("Authorization", supervisor)).body()).contains("\"state\":\"APPLIED\""));
        String rescheduled = statement(extended);
        assertThat(field(rescheduled, "scheduleVersion")).isEqualTo("2");
        assertThat(field(rescheduled, "daysPastDue")).isEqualTo("0");
        assertThat(rescheduled).contains("\"makerId\":\"agent\"", "\"checkerId\":\"supervisor\"");
        awaitCase(extended, "CLOSED");

        // A waiver (息费减免) of the penalty: the supervisor who asked cannot approve it; another does.
        String waiver = idOf(SharedStack.postJson("/ops/v1/loan-adjustments", """
                {"loanId":"%s","kind":"WAIVER","penalty":"%s","interest":"0.00","reason":"penalty waived for hardship"}"""
                .formatted(writtenOff.loanId(), penaltyOwed(writtenOff)), Map.of("Authorization", supervisor)), 201);
        HttpResponse<String> own = decide(supervisor, waiver, "approve");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("maker-cannot-check");
        assertThat(decide(supervisor2, waiver, "approve").statusCode()).isEqualTo(200);
        awaitAdjustment(waiver, "APPLIED");

        // Write-off (核销) past the configured days past due, approved; then a recovery booked as income.
        String writeOff = idOf(SharedStack.postJson("/ops/v1/loan-adjustments", """
                {"loanId":"%s","kind":"WRITE_OFF","reason":"no contact for weeks, agency returned it"}"""
                .formatted(writtenOff.loanId()), Map.of("Authorization", agent)), 201);
        assertThat(decide(supervisor, writeOff, "approve").statusCode()).isEqualTo(200);
        awaitAdjustment(writeOff, "APPLIED");
        assertThat(statement(writtenOff)).contains("\"status\":\"WRITTEN_OFF\"");
        emptyCard(writtenOff, null);
        String recovery = idOf(repay(writtenOff.asCustomer(), writtenOff.loanId(),
                "{\"mode\":\"AMOUNT\",\"amount\":\"50.00\"}"), 202);
        awaitStatus("/api/v1/repayment-orders/" + recovery, writtenOff.asCustomer(), "SUCCEEDED");
        Awaitility.await().atMost(JOURNEY).untilAsserted(() ->
                assertThat(field(statement(writtenOff), "recovered")).isEqualTo("50.00"));

        assertBooksBalance();
    }

    // --- the journey's steps ---------------------------------------------------------------------

    Borrower borrowerWithLoan(String name) {
        return borrowerWithLoan(app, name);
    }

    static Borrower borrowerWithLoan(String app, String name) {
        String mobile = Identities.mobile();
        String idNumber = Identities.idNumber();
        String customerId = idOf(SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"%s\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}".formatted(name, mobile, idNumber),
                Map.of("Authorization", app, "Idempotency-Key", UUID.randomUUID().toString())), 201);
        Map<String, String> asCustomer = Map.of("Authorization", app, "X-Customer-Id", customerId);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String applicationId = idOf(SharedStack.postJson("/api/v1/credit-applications", """
                {"fullName":"%s","mobile":"%s","idNumber":"%s",
                 "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                 "device":{"deviceId":"dev-%s","os":"Android","osVersion":"14","appVersion":"3.2.0",
                           "ip":"10.%d.%d.%d","emulator":false,"rooted":false}}"""
                .formatted(name, mobile, idNumber, UUID.randomUUID(), random.nextInt(256), random.nextInt(256),
                        1 + random.nextInt(254)), with(asCustomer, "Idempotency-Key",
                UUID.randomUUID().toString())), 202);
        DrawdownJourneyTest.await("/api/v1/credit-applications/" + applicationId, asCustomer, "APPROVED");
        String cardId = DrawdownJourneyTest.bindCard(asCustomer, mobile, name);
        String drawdownId = idOf(SharedStack.postJson("/api/v1/drawdowns", """
                {"amount":"100.00","termMonths":3,"method":"EQUAL_INSTALLMENT","cardId":"%s"}""".formatted(cardId),
                with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString())), 202);
        String disbursed = DrawdownJourneyTest.await("/api/v1/drawdowns/" + drawdownId, asCustomer, "DISBURSED");
        Matcher installments = Pattern.compile("\"installments\":\\[\"([0-9.]+)\",\"([0-9.]+)\",\"([0-9.]+)\"\\]")
                .matcher(disbursed);
        assertThat(installments.find()).as(disbursed).isTrue();
        return new Borrower(customerId, mobile, asCustomer, cardId, drawdownId, field(disbursed, "loanId"),
                java.util.List.of(installments.group(1), installments.group(2), installments.group(3)));
    }

    static HttpResponse<String> repay(Map<String, String> asCustomer, String loanId, String body) {
        Map<String, String> headers = asCustomer.containsKey("Idempotency-Key") ? asCustomer
                : with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString());
        return SharedStack.postJson("/api/v1/loans/" + loanId + "/repayments", body, headers);
    }

    static void awaitStatus(String path, Map<String, String> headers, String status) {
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Matcher current = STATUS.matcher(SharedStack.get(path, headers).body());
            assertThat(current.find() ? current.group(1) : null).isEqualTo(status);
        });
    }

    String statement(Borrower b) {
        HttpResponse<String> statement = SharedStack.get("/api/v1/loans/" + b.loanId() + "/statement", b.asCustomer());
        assertThat(statement.statusCode()).as(statement.body()).isEqualTo(200);
        return statement.body();
    }

    int daysPastDue(Borrower b) {
        return Integer.parseInt(field(statement(b), "daysPastDue"));
    }

    String penaltyOwed(Borrower b) {
        BigDecimal owed = BigDecimal.ZERO;
        Matcher lines = Pattern.compile("\"penalty\":\"([0-9.]+)\",[^{}]*\"penaltyPaid\":\"([0-9.]+)\"").matcher(statement(b));
        while (lines.find()) {
            owed = owed.add(new BigDecimal(lines.group(1))).subtract(new BigDecimal(lines.group(2)));
        }
        assertThat(owed).isPositive();
        return owed.toPlainString();
    }

    static String line(Borrower b) {
        return SharedStack.get("/api/v1/customers/" + b.customerId() + "/credit-line", b.asCustomer()).body();
    }

    static long collectionsFor(Borrower b) {
        return SharedStack.count("lendflow_payment",
                "select count(*) from repayment_order where loan_id = '" + b.loanId() + "'");
    }

    /** Sets the balance on the borrower's card at the channel ({@code null}: as much as needed). */
    static void emptyCard(Borrower b, String balance) {
        String agreement = SharedStack.text("lendflow_payment", "select agreement_no from bank_card where id = '"
                + b.cardId() + "'");
        HttpResponse<String> set = SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.get()
                        .urlOf(Suite.PARTNER_SIMULATOR) + "/sim/v1/channel/agreements/" + agreement + "/account"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(balance == null ? "{\"balance\":null,\"frozen\":false}"
                        : "{\"balance\":\"" + balance + "\",\"frozen\":false}")));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    void endOfDay() {
        Map<String, String> asFinance = Map.of("Authorization", finance);
        HttpResponse<String> started = SharedStack.postJson("/ops/v1/eod/runs", "{}", asFinance);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String day = field(started.body(), "businessDate");
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(SharedStack.get("/ops/v1/eod/runs/" + day, asFinance).body()).contains("\"status\":\"FINISHED\""));
    }

    String awaitCase(Borrower b, String state) {
        String[] id = new String[1];
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String found = SharedStack.get("/ops/v1/collection/cases?customerId=" + b.customerId(),
                    Map.of("Authorization", supervisor)).body();
            assertThat(found).contains("\"state\":\"" + state + "\"");
            id[0] = field(found, "id");
        });
        return id[0];
    }

    HttpResponse<String> decide(String staff, String adjustmentId, String decision) {
        return SharedStack.postJson("/ops/v1/loan-adjustments/" + adjustmentId + "/" + decision,
                "{\"reason\":\"reviewed the borrower's circumstances\"}", Map.of("Authorization", staff));
    }

    void awaitAdjustment(String id, String state) {
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(SharedStack.get("/ops/v1/loan-adjustments/" + id,
                Map.of("Authorization", supervisor)).body()).contains("\"state\":\"" + state + "\""));
    }

    void assertBooksBalance() {
        Map<String, String> asFinance = Map.of("Authorization", finance);
        String today = field(SharedStack.get("/ops/v1/business-date", asFinance).body(), "businessDate");
        assertThat(SharedStack.get("/ops/v1/ledger/trial-balance?asOf=" + today, asFinance).body())
                .contains("\"balanced\":true");
    }

    static String simulator(String path) {
        return SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.get().urlOf(Suite.PARTNER_SIMULATOR)
                + path)).GET()).body();
    }
}
