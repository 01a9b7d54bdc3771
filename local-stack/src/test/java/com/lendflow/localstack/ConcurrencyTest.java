package com.lendflow.localstack;

import static com.lendflow.localstack.DrawdownJourneyTest.field;
import static com.lendflow.localstack.DrawdownJourneyTest.idOf;
import static com.lendflow.localstack.DrawdownJourneyTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Many requests for one line, one loan or one Idempotency-Key at the same instant (#10). They go to
 * the owning service directly, as the app backend's calls arrive there through the gateway: the
 * gateway would otherwise turn all but 20 a second of one customer's requests away with 429
 * before any reached the service under test.
 */
class ConcurrencyTest {

    static final Duration SETTLE = Duration.ofSeconds(120);
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    final String app = "Bearer " + SharedStack.clientToken("app-backend");
    final String finance = "Bearer " + SharedStack.staffToken("finance");

    @Test
    void fiveHundredDrawdownsAtOnceOnOneLineNeverTakeMoreThanItsLimit() throws Exception {
        Map<String, String> asCustomer = customerWithLine("并发甲");
        String customerId = asCustomer.get("X-Customer-Id");
        String cardId = DrawdownJourneyTest.bindCard(asCustomer, mobileOf(customerId), "并发甲");
        BigDecimal limit = new BigDecimal(field(SharedStack.get("/api/v1/customers/" + customerId + "/credit-line",
                asCustomer).body(), "creditLimit"));
        // About twenty of the 500 fit on the line.
        BigDecimal each = limit.divide(BigDecimal.valueOf(20), 0, RoundingMode.DOWN).max(new BigDecimal("100")).setScale(2);
        String analyst = "Bearer " + SharedStack.staffToken("analyst");
        String velocity = rule(analyst, "DRAWDOWN_VELOCITY");
        // Antifraud would refuse every drawdown after the fifth of the day as fraud; the line's limit is what is under test.
        changeRule(analyst, velocity, "{\"maxDrawdowns\": 1000, \"windowMinutes\": 1440}",
                "raised for the 500-drawdown concurrency test");
        AtomicBoolean sampling = new AtomicBoolean(true);
        BigDecimal[] mostTaken = {BigDecimal.ZERO};
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (sampling.get()) {
                BigDecimal taken = new BigDecimal(SharedStack.text("lendflow_limit",
                        "select (occupied + reserved)::text from credit_line where customer_id = '" + customerId + "'"));
                mostTaken[0] = mostTaken[0].max(taken);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<HttpResponse<String>> answers;
        try {
            answers = atOnce(500, i -> HttpRequest.newBuilder(URI.create(loanOrder() + "/api/v1/drawdowns"))
                    .header("Authorization", app).header("X-Customer-Id", customerId)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"amount":"%s","termMonths":3,"method":"EQUAL_INSTALLMENT","cardId":"%s"}"""
                            .formatted(each.toPlainString(), cardId))));
            Awaitility.await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> SharedStack.count(
                    "lendflow_loan_order", "select count(*) from drawdown where customer_id = '" + customerId
                            + "' and state not in ('DISBURSED', 'FAILED')") == 0);
        } finally {
            sampling.set(false);
            sampler.join();
            Awaitility.await().atMost(SETTLE).ignoreExceptions().untilAsserted(() -> changeRule(analyst,
                    rule(analyst, "DRAWDOWN_VELOCITY"), paramsOf(velocity), "back to the launch setting after the concurrency test"));
        }
        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode,
                TreeMap::new, Collectors.counting()));
        System.out.printf("500 drawdowns of %s on a line of %s: answers %s%n", each, limit, byStatus);
        assertThat(byStatus.keySet()).as(byStatus.toString()).isSubsetOf(202, 422);

        long disbursed = SharedStack.count("lendflow_loan_order",
                "select count(*) from drawdown where customer_id = '" + customerId + "' and state = 'DISBURSED'");
        BigDecimal disbursedAmount = amount("lendflow_loan_order",
                "select coalesce(sum(amount), 0) from drawdown where customer_id = '" + customerId + "' and state = 'DISBURSED'");
        String line = SharedStack.text("lendflow_limit", "select occupied || ' ' || reserved || ' ' || credit_limit"
                + " from credit_line where customer_id = '" + customerId + "'");
        long refusedByLimit = SharedStack.count("lendflow_limit", "select count(*) from limit_reservation where customer_id = '"
                + customerId + "' and state = 'REFUSED'") + byStatus.getOrDefault(422, 0L);
        System.out.printf("disbursed %d (%s), refused for want of limit %d, most taken at once %s, line %s%n",
                disbursed, disbursedAmount, refusedByLimit, mostTaken[0], line);
        assertThat(disbursed).as("some drawdowns fit").isPositive();
        assertThat(refusedByLimit).as("most did not").isGreaterThan(400);
        assertThat(mostTaken[0]).isLessThanOrEqualTo(limit);
        assertThat(disbursedAmount).isLessThanOrEqualTo(limit);
        // The line is occupied by exactly the disbursed drawdowns, nothing is left reserved, and the ledger agrees.
        assertThat(line.split(" ")[0]).isEqualTo(disbursedAmount.setScale(2).toPlainString());
        assertThat(line.split(" ")[1]).isEqualTo("0.00");
        assertThat(amount("lendflow_limit", "select coalesce(sum(amount), 0) from limit_reservation where customer_id = '"
                + customerId + "' and state = 'OCCUPIED'")).isEqualByComparingTo(disbursedAmount);
        assertThat(amount("lendflow_core_ledger", "select coalesce(sum(principal), 0) from loan_account where customer_id = '"
                + customerId + "'")).isEqualByComparingTo(disbursedAmount);
        assertThat(SharedStack.count("lendflow_payment", "select count(*) from disbursement where customer_id = '"
                + customerId + "' and state = 'SUCCEEDED'")).isEqualTo(disbursed);
        assertBooksBalance();
    }

    @Test
    void oneIdempotencyKeySentAHundredTimesAtOnceMakesOneDrawdownAndOneRepayment() throws Exception {
        Map<String, String> asCustomer = customerWithLine("并发乙");
        String customerId = asCustomer.get("X-Customer-Id");
        String cardId = DrawdownJourneyTest.bindCard(asCustomer, mobileOf(customerId), "并发乙");
        String drawdownKey = UUID.randomUUID().toString();
        List<HttpResponse<String>> borrowed = atOnce(100, i -> HttpRequest.newBuilder(URI.create(loanOrder()
                        + "/api/v1/drawdowns"))
                .header("Authorization", app).header("X-Customer-Id", customerId).header("Idempotency-Key", drawdownKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"amount":"300.00","termMonths":3,"method":"EQUAL_INSTALLMENT","cardId":"%s"}""".formatted(cardId))));
        String drawdownId = idOf(borrowed.getFirst(), 202);
        for (HttpResponse<String> answer : borrowed) {
            assertThat(idOf(answer, 202)).isEqualTo(drawdownId);
        }
        assertThat(SharedStack.count("lendflow_loan_order", "select count(*) from drawdown where customer_id = '"
                + customerId + "'")).isOne();
        String disbursed = DrawdownJourneyTest.await("/api/v1/drawdowns/" + drawdownId, asCustomer, "DISBURSED");
        assertThat(SharedStack.count("lendflow_limit", "select count(*) from limit_reservation where customer_id = '"
                + customerId + "'")).isOne();
        assertThat(channelTransfers(drawdownId)).isOne();

        String loanId = field(disbursed, "loanId");
        String repaymentKey = UUID.randomUUID().toString();
        List<HttpResponse<String>> repaid = atOnce(100, i -> HttpRequest.newBuilder(URI.create(payment()
                        + "/api/v1/loans/" + loanId + "/repayments"))
                .header("Authorization", app).header("X-Customer-Id", customerId).header("Idempotency-Key", repaymentKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"AMOUNT\",\"amount\":\"50.00\"}")));
        String orderId = idOf(repaid.getFirst(), 202);
        for (HttpResponse<String> answer : repaid) {
            assertThat(idOf(answer, 202)).isEqualTo(orderId);
        }
        RepaymentJourneyTest.awaitStatus("/api/v1/repayment-orders/" + orderId, asCustomer, "SUCCEEDED");
        assertThat(SharedStack.count("lendflow_payment", "select count(*) from repayment_order where loan_id = '"
                + loanId + "'")).isOne();
        Awaitility.await().atMost(SETTLE).until(() -> amount("lendflow_core_ledger",
                "select coalesce(sum(amount), 0) from repayment where loan_id = '" + loanId + "' and status = 'APPLIED'")
                .compareTo(new BigDecimal("50.00")) == 0);
        assertBooksBalance();
    }

    @Test
    void fiveHundredRepaymentsAtOnceOfOneLoanNeverApplyMoreThanItOwes() throws Exception {
        RepaymentJourneyTest.Borrower b = RepaymentJourneyTest.borrowerWithLoan(app, "并发丙");
        BigDecimal payoff = new BigDecimal(field(SharedStack.get("/api/v1/loans/" + b.loanId() + "/prepayment-quote",
                b.asCustomer()).body(), "total"));
        // Half pay the loan off, half pay the current installment: any two applied together would be more than it owes.
        List<HttpResponse<String>> answers = atOnce(500, i -> HttpRequest.newBuilder(URI.create(payment()
                        + "/api/v1/loans/" + b.loanId() + "/repayments"))
                .header("Authorization", app).header("X-Customer-Id", b.customerId())
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(i % 2 == 0 ? "{\"mode\":\"PAYOFF\"}"
                        : "{\"mode\":\"CURRENT_INSTALLMENT\"}")));
        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode,
                TreeMap::new, Collectors.counting()));
        System.out.printf("500 repayments of a loan owing %s: answers %s%n", payoff, byStatus);
        // 409 repayment-in-progress (one collection per loan at a time) or loan-settled (paid off already);
        // 503 ledger-unavailable: core-ledger was not asked in time what the loan owes (500 requests at once on
        // two cores), to be repeated. None of them records anything.
        assertThat(byStatus.keySet()).as(byStatus.toString()).isSubsetOf(202, 409, 503);
        List<String> accepted = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 202) {
                accepted.add(idOf(answer, 202));
            } else {
                assertThat(answer.body()).containsAnyOf("repayment-in-progress", "loan-settled", "ledger-unavailable");
            }
        }
        assertThat(accepted).isNotEmpty();
        assertThat(SharedStack.count("lendflow_payment", "select count(*) from repayment_order where loan_id = '"
                + b.loanId() + "'")).isEqualTo(accepted.size());
        for (String orderId : accepted) {
            Awaitility.await().atMost(SETTLE).pollInterval(Duration.ofMillis(300)).until(() -> {
                Matcher status = STATUS.matcher(SharedStack.get("/api/v1/repayment-orders/" + orderId, b.asCustomer()).body());
                return status.find() && !"PROCESSING".equals(status.group(1));
            });
        }
        BigDecimal collected = amount("lendflow_payment", "select coalesce(sum(amount), 0) from repayment_order where loan_id = '"
                + b.loanId() + "' and state = 'SUCCEEDED'");
        // Everything collected reaches the ledger, applied or (had it been more than owed) refused for a refund.
        Awaitility.await().atMost(SETTLE).until(() -> amount("lendflow_core_ledger",
                "select coalesce(sum(amount), 0) from repayment where loan_id = '" + b.loanId() + "'")
                .compareTo(collected) == 0);
        BigDecimal applied = amount("lendflow_core_ledger", "select coalesce(sum(amount), 0) from repayment where loan_id = '"
                + b.loanId() + "' and status = 'APPLIED'");
        System.out.printf("accepted %d, collected %s, applied %s of %s owed%n", accepted.size(), collected, applied, payoff);
        assertThat(applied).isPositive();
        // Never more than the loan owed when each was applied: nothing refused for a refund, no excess held as
        // credit. (The sum may pass the first payoff quote: an installment paid early carries its period's
        // interest, so 33.84 and then the payoff of the rest is a little more than 100.00 paid at once.)
        assertThat(SharedStack.count("lendflow_core_ledger", "select count(*) from repayment where loan_id = '"
                + b.loanId() + "' and (status = 'REFUSED' or credit_held > 0)")).as("repayments over-applied").isZero();
        BigDecimal outstanding = amount("lendflow_core_ledger", "select outstanding_principal from loan_account where id = '"
                + b.loanId() + "'");
        Awaitility.await().atMost(SETTLE).untilAsserted(() -> assertThat(new BigDecimal(field(
                RepaymentJourneyTest.line(b), "occupied"))).isEqualByComparingTo(outstanding));
        assertBooksBalance();
    }

    @Test
    void anAmountBetweenTheInstallmentAndThePayoffIsRefusedBeforeAnythingIsCollected() {
        // Found by this campaign: 50.00 of a fresh 100.00 loan was taken from the card, then refused by the
        // ledger as an overpayment (the standard product holds no credit) and left for a refund. Payment now
        // asks the ledger the largest amount it applies and refuses more before charging the card.
        RepaymentJourneyTest.Borrower b = RepaymentJourneyTest.borrowerWithLoan(app, "并发丁");
        HttpResponse<String> answer = RepaymentJourneyTest.repay(b.asCustomer(), b.loanId(),
                "{\"mode\":\"AMOUNT\",\"amount\":\"50.00\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains("\"field\":\"amount\"", "max-payable-now");
        assertThat(SharedStack.count("lendflow_payment", "select count(*) from repayment_order where loan_id = '"
                + b.loanId() + "'")).isZero();
        assertThat(SharedStack.count("lendflow_core_ledger", "select count(*) from repayment where loan_id = '"
                + b.loanId() + "'")).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Sends {@code count} requests released by one latch, each on its own virtual thread. */
    List<HttpResponse<String>> atOnce(int count, IntFunction<HttpRequest.Builder> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                HttpRequest built = request.apply(i).timeout(Duration.ofSeconds(90)).build();
                sent.add(threads.submit(() -> {
                    go.await();
                    try {
                        return http.send(built, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            go.countDown();
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    Map<String, String> customerWithLine(String name) {
        String mobile = Identities.mobile();
        String idNumber = Identities.idNumber();
        String customerId = idOf(SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"%s\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}".formatted(name, mobile, idNumber),
                Map.of("Authorization", app, "Idempotency-Key", UUID.randomUUID().toString())), 201);
        Map<String, String> asCustomer = Map.of("Authorization", app, "X-Customer-Id", customerId);
        String applicationId = idOf(SharedStack.postJson("/api/v1/credit-applications", """
                {"fullName":"%s","mobile":"%s","idNumber":"%s",
                 "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                 "device":{"deviceId":"dev-%s","os":"Android","osVersion":"14","appVersion":"3.2.0",
                           "ip":"10.77.%d.%d","emulator":false,"rooted":false}}"""
                .formatted(name, mobile, idNumber, UUID.randomUUID(), (int) (Math.random() * 256), 1 + (int) (Math.random() * 254)),
                with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString())), 202);
        DrawdownJourneyTest.await("/api/v1/credit-applications/" + applicationId, asCustomer, "APPROVED");
        mobiles.put(customerId, mobile);
        return asCustomer;
    }

    final Map<String, String> mobiles = new java.util.concurrent.ConcurrentHashMap<>();

    String mobileOf(String customerId) {
        return mobiles.get(customerId);
    }

    String rule(String analyst, String code) {
        HttpResponse<String> rule = SharedStack.get("/ops/v1/antifraud/rules/" + code, Map.of("Authorization", analyst));
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(200);
        return rule.body();
    }

    static String paramsOf(String rule) {
        Matcher params = Pattern.compile("\"params\":(\\{[^}]*\\})").matcher(rule);
        assertThat(params.find()).as(rule).isTrue();
        return params.group(1);
    }

    void changeRule(String analyst, String current, String params, String reason) {
        HttpResponse<String> changed = SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.gateway()
                        + "/ops/v1/antifraud/rules/DRAWDOWN_VELOCITY"))
                .header("Authorization", analyst).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"enabled":%s,"params":%s,"weight":%s,"action":"%s","version":%s,"reason":"%s"}""".formatted(
                        field(current, "enabled"), params, field(current, "weight"), field(current, "action"),
                        field(current, "version"), reason))));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    long channelTransfers(String reference) {
        String transfers = SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.get()
                .urlOf(Suite.PARTNER_SIMULATOR) + "/sim/v1/channel/transfers?reference=" + reference)).GET()).body();
        return transfers.split("\"requestNo\"", -1).length - 1L;
    }

    static BigDecimal amount(String database, String sql) {
        String value = SharedStack.text(database, sql);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }

    void assertBooksBalance() {
        Map<String, String> asFinance = Map.of("Authorization", finance);
        String today = field(SharedStack.get("/ops/v1/business-date", asFinance).body(), "businessDate");
        assertThat(SharedStack.get("/ops/v1/ledger/trial-balance?asOf=" + today, asFinance).body())
                .contains("\"balanced\":true");
    }

    static String loanOrder() {
        return SharedStack.get().urlOf(CreditLineJourneyTest.service("loan-order-service"));
    }

    static String payment() {
        return SharedStack.get().urlOf(CreditLineJourneyTest.service("payment-service"));
    }
}
