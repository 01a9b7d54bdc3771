package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The 100-yuan drawdown (借款) from the seed article, through the gateway across every service: a
 * line of 43,000 at 14.6%, the launch coupon that brings it to 9.125%, a bound card, a quote,
 * then 100 yuan over 3 months in equal installments, disbursed through the channel simulator.
 */
class DrawdownJourneyTest {

    static final Duration JOURNEY = Duration.ofSeconds(120);
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    final String app = "Bearer " + SharedStack.clientToken("app-backend");

    @Test
    void borrowsHundredYuanOverThreeMonthsWithTheLaunchCouponToACardAndEveryBookAgrees() {
        String analyst = "Bearer " + SharedStack.staffToken("analyst");
        String finance = "Bearer " + SharedStack.staffToken("finance");
        String gradeTable = SharedStack.get("/ops/v1/credit-decision/grade-table", Map.of("Authorization", analyst)).body();
        // The sample customer's line: 43,000 at 14.6% whatever grade A or B they score (risk sets this table).
        putGradeTable(analyst, gradeTable, "43000.00", "43000.00", "0.146", "the seed article's sample line");
        try {
            String mobile = Identities.mobile();
            String idNumber = Identities.idNumber();
            String customerId = idOf(SharedStack.postJson("/api/v1/customers",
                    "{\"name\":\"王小明\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}".formatted(mobile, idNumber),
                    Map.of("Authorization", app, "Idempotency-Key", UUID.randomUUID().toString())), 201);
            Map<String, String> asCustomer = Map.of("Authorization", app, "X-Customer-Id", customerId);
            // A spotless bureau record, so the applicant scores grade A and the launch coupon is theirs.
            HttpResponse<String> profile = SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.get()
                            .urlOf(Suite.PARTNER_SIMULATOR) + "/sim/v1/bureau/profiles/" + idNumber))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("""
                            {"worstDaysPastDueLast24Months":0,"overdueAccounts":0,"totalOutstandingDebt":"0.00",
                             "openAccounts":1,"inquiriesLast3Months":0,"inquiriesLast6Months":0}""")));
            assertThat(profile.statusCode()).as(profile.body()).isBetween(200, 204);

            String applicationId = idOf(SharedStack.postJson("/api/v1/credit-applications", """
                    {"fullName":"王小明","mobile":"%s","idNumber":"%s",
                     "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                     "device":{"deviceId":"dev-%s","os":"Android","osVersion":"14","appVersion":"3.2.0",
                               "ip":"10.20.30.41","emulator":false,"rooted":false}}"""
                    .formatted(mobile, idNumber, UUID.randomUUID()), with(asCustomer, "Idempotency-Key",
                    UUID.randomUUID().toString())), 202);
            String approved = await("/api/v1/credit-applications/" + applicationId, asCustomer, "APPROVED");
            assertThat(field(approved, "creditLimit")).isEqualTo("43000.00");
            assertThat(new BigDecimal(field(approved, "annualRate"))).isEqualByComparingTo("0.146");

            // The launch campaign gave grade A/B lines a 9.125% coupon when the line was granted.
            String[] couponId = new String[1];
            Awaitility.await().atMost(JOURNEY).untilAsserted(() -> {
                String coupons = SharedStack.get("/api/v1/customers/" + customerId + "/coupons", asCustomer).body();
                Matcher issued = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"[^{}]*\"state\":\"ISSUED\"").matcher(coupons);
                assertThat(issued.find()).as(coupons).isTrue();
                couponId[0] = issued.group(1);
            });

            String cardId = bindCard(asCustomer, mobile);

            HttpResponse<String> quote = SharedStack.postJson("/api/v1/loan-quotes", """
                    {"amount":"100.00","termMonths":3,"method":"EQUAL_INSTALLMENT","couponId":"%s"}"""
                    .formatted(couponId[0]), asCustomer);
            assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
            assertThat(quote.body()).contains("\"rateAfterCoupon\":\"0.09125\"")
                    .contains("\"total\":\"33.84\"").contains("\"total\":\"33.85\"");

            String today = field(SharedStack.get("/ops/v1/business-date", Map.of("Authorization", finance)).body(),
                    "businessDate");
            BigDecimal usedBefore = partnerUsed(finance);

            String drawdownId = idOf(SharedStack.postJson("/api/v1/drawdowns", """
                    {"amount":"100.00","termMonths":3,"method":"EQUAL_INSTALLMENT","cardId":"%s","couponId":"%s"}"""
                    .formatted(cardId, couponId[0]), with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString())), 202);
            String disbursed = await("/api/v1/drawdowns/" + drawdownId, asCustomer, "DISBURSED");

            assertThat(disbursed).contains("\"installments\":[\"33.84\",\"33.84\",\"33.85\"]");
            String loanId = field(disbursed, "loanId");
            assertThat(SharedStack.get("/api/v1/loans/" + loanId, asCustomer).body()).contains("\"33.85\"");
            String line = SharedStack.get("/api/v1/customers/" + customerId + "/credit-line", asCustomer).body();
            assertThat(field(line, "available")).isEqualTo("42900.00");
            assertThat(field(line, "occupied")).isEqualTo("100.00");
            Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(SharedStack.get(
                    "/api/v1/customers/" + customerId + "/coupons", asCustomer).body())
                    .containsPattern("\"id\":\"" + couponId[0] + "\"[^{}]*\"state\":\"REDEEMED\""));
            Awaitility.await().atMost(JOURNEY).untilAsserted(() ->
                    assertThat(partnerUsed(finance).subtract(usedBefore)).isEqualByComparingTo("100.00"));
            String transfers = SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.get()
                    .urlOf(Suite.PARTNER_SIMULATOR) + "/sim/v1/channel/transfers?reference=" + drawdownId)).GET()).body();
            assertThat(transfers.split("\"requestNo\"", -1)).as(transfers).hasSize(2);
            assertThat(transfers).contains("\"submissions\":1").contains("\"100.00\"");
            String trialBalance = SharedStack.get("/ops/v1/ledger/trial-balance?asOf=" + today,
                    Map.of("Authorization", finance)).body();
            assertThat(trialBalance).contains("\"balanced\":true");
            String timeline = SharedStack.get("/ops/v1/drawdowns/" + drawdownId,
                    Map.of("Authorization", "Bearer " + SharedStack.staffToken("supervisor"))).body();
            assertThat(timeline).contains("ReserveLimit", "LockCoupon", "SignLoanContract", "AssessDrawdownRisk",
                    "DecideDrawdown", "ReserveFunding", "Disburse", "OpenLoanAccount").doesNotContain(idNumber);
        } finally {
            String current = SharedStack.get("/ops/v1/credit-decision/grade-table", Map.of("Authorization", analyst)).body();
            restoreGradeTable(analyst, current, gradeTable);
        }
    }

    @Test
    void aServiceRestartedAtEveryStepAndEveryReplyDeliveredAgainStillPayOutOnceEach() {
        LocalStack stack = SharedStack.get();
        String mobile = Identities.mobile();
        String idNumber = Identities.idNumber();
        String customerId = idOf(SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"李小红\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}".formatted(mobile, idNumber),
                Map.of("Authorization", app, "Idempotency-Key", UUID.randomUUID().toString())), 201);
        Map<String, String> asCustomer = Map.of("Authorization", app, "X-Customer-Id", customerId);
        String applicationId = idOf(SharedStack.postJson("/api/v1/credit-applications", """
                {"fullName":"李小红","mobile":"%s","idNumber":"%s",
                 "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                 "device":{"deviceId":"dev-%s","os":"iOS","osVersion":"18","appVersion":"3.2.0",
                           "ip":"10.20.30.42","emulator":false,"rooted":false}}"""
                .formatted(mobile, idNumber, UUID.randomUUID()), with(asCustomer, "Idempotency-Key",
                UUID.randomUUID().toString())), 202);
        await("/api/v1/credit-applications/" + applicationId, asCustomer, "APPROVED");
        String cardId = bindCard(asCustomer, mobile, "李小红");

        // The services on the drawdown's path, two at a time, are stopped just after a drawdown is accepted
        // and started again: the saga resumes from the database, the outbox and the Kafka offsets. (Four
        // drawdowns: a fifth within a day would trip antifraud's drawdown-velocity rule.)
        String last = null;
        for (String[] pair : new String[][] {{"limit-service", "esign-service"},
                {"antifraud-service", "credit-decision-service"}, {"funding-service", "payment-service"},
                {"core-ledger-service", "loan-order-service"}}) {
            String drawdownId = idOf(SharedStack.postJson("/api/v1/drawdowns", """
                    {"amount":"100.00","termMonths":3,"method":"EQUAL_INSTALLMENT","cardId":"%s"}""".formatted(cardId),
                    with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString())), 202);
            for (String name : pair) {
                stack.stop(CreditLineJourneyTest.service(name));
            }
            for (String name : pair) {
                stack.startAgain(CreditLineJourneyTest.service(name));
            }
            assertThat(await("/api/v1/drawdowns/" + drawdownId, asCustomer, "DISBURSED"))
                    .as("restarting " + String.join(" and ", pair)).contains("\"installments\":[\"");
            last = drawdownId;
        }
        String line = SharedStack.get("/api/v1/customers/" + customerId + "/credit-line", asCustomer).body();
        assertThat(field(line, "occupied")).isEqualTo("400.00");

        // Every reply of the last drawdown delivered again, as is and under a new message id.
        for (String topic : new String[] {"lendflow.limit.credit-line", "lendflow.esign.document",
                "lendflow.antifraud.assessment", "lendflow.credit-decision.decision", "lendflow.funding.position",
                "lendflow.payment.disbursement", "lendflow.core-ledger.loan"}) {
            for (String reply : repliesOf(topic, last)) {
                CreditLineJourneyTest.produce(topic, last, reply, reply.replaceFirst(
                        "\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"" + UUID.randomUUID() + "\""));
            }
        }
        String lastId = last;
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(SharedStack.get(
                "/ops/v1/drawdowns/" + lastId, Map.of("Authorization", "Bearer " + SharedStack.staffToken("supervisor")))
                .body()).contains("REPLY_IGNORED"));
        assertThat(await("/api/v1/drawdowns/" + lastId, asCustomer, "DISBURSED")).contains("DISBURSED");
        assertThat(field(SharedStack.get("/api/v1/customers/" + customerId + "/credit-line", asCustomer).body(),
                "occupied")).isEqualTo("400.00");
        assertThat(SharedStack.count("lendflow_core_ledger",
                "select count(*) from loan_account where customer_id = '" + customerId + "'")).isEqualTo(4);
        assertThat(SharedStack.count("lendflow_payment",
                "select count(*) from disbursement where customer_id = '" + customerId + "'")).isEqualTo(4);
        String transfers = SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.get()
                .urlOf(Suite.PARTNER_SIMULATOR) + "/sim/v1/channel/transfers?reference=" + lastId)).GET()).body();
        assertThat(transfers).contains("\"submissions\":1");
        assertThat(transfers.split("\"requestNo\"", -1)).hasSize(2);
    }

    /** Every message on {@code topic} keyed by {@code key}, read from the start. */
    static java.util.List<String> repliesOf(String topic, String key) {
        java.util.Properties properties = new java.util.Properties();
        properties.put("bootstrap.servers", SharedStack.get().kafkaBootstrapServers());
        properties.put("group.id", "journey-test-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        java.util.List<String> found = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(properties,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(java.util.List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until) {
                var records = consumer.poll(Duration.ofMillis(500));
                records.forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record.value());
                    }
                });
                if (records.isEmpty() && !found.isEmpty()) {
                    break;
                }
            }
        }
        assertThat(found).as("replies on " + topic + " for " + key).isNotEmpty();
        return found;
    }

    static String bindCard(Map<String, String> asCustomer, String mobile) {
        return bindCard(asCustomer, mobile, "王小明");
    }

    static String bindCard(Map<String, String> asCustomer, String mobile, String holder) {
        String cardNumber = Identities.cardNumber();
        HttpResponse<String> started = SharedStack.postJson("/api/v1/bank-cards", """
                {"cardNumber":"%s","holderName":"%s","reservedMobile":"%s"}""".formatted(cardNumber, holder, mobile),
                with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(started.body()).doesNotContain(cardNumber);
        String cardId = idOf(started, 201);
        String[] code = new String[1];
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> {
            String sms = SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.get()
                    .urlOf(Suite.PARTNER_SIMULATOR) + "/sim/v1/sms?mobile=" + mobile)).GET()).body();
            // The code is the six digits in the message text (ids and times may hold six digits too).
            Matcher digits = Pattern.compile("\"text\":\"[^\"]*?(?<!\\d)(\\d{6})(?!\\d)").matcher(sms);
            assertThat(digits.find()).as(sms).isTrue();
            code[0] = digits.group(1);
        });
        HttpResponse<String> bound = SharedStack.postJson("/api/v1/bank-cards/" + cardId + "/confirm",
                "{\"code\":\"" + code[0] + "\"}", asCustomer);
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
        assertThat(bound.body()).contains("BOUND");
        return cardId;
    }

    static BigDecimal partnerUsed(String finance) {
        String positions = SharedStack.get("/ops/v1/funding/positions", Map.of("Authorization", finance)).body();
        Matcher bankA = Pattern.compile("\\{\"partnerId\":\"partner-bank-a\"[^{}]*\"used\":\"([0-9.]+)\"").matcher(positions);
        assertThat(bankA.find()).as(positions).isTrue();
        return new BigDecimal(bankA.group(1));
    }

    static void putGradeTable(String analyst, String current, String min, String max, String rate, String reason) {
        StringBuilder grades = new StringBuilder();
        for (String grade : new String[] {"A", "B", "C", "D", "E"}) {
            grades.append(grades.isEmpty() ? "" : ",").append("""
                    {"grade":"%s","minLimit":"%s","maxLimit":"%s","annualRate":"%s"}""".formatted(grade, min, max, rate));
        }
        put(analyst, field(current, "version"), "[" + grades + "]", reason);
    }

    static void restoreGradeTable(String analyst, String current, String original) {
        Matcher rows = Pattern.compile("\"grades\":(\\[.*\\])").matcher(original);
        assertThat(rows.find()).isTrue();
        put(analyst, field(current, "version"), rows.group(1), "back to the launch table after the journey test");
    }

    static void put(String analyst, String version, String grades, String reason) {
        HttpResponse<String> changed = SharedStack.send(HttpRequest.newBuilder(URI.create(SharedStack.gateway()
                        + "/ops/v1/credit-decision/grade-table"))
                .header("Authorization", analyst).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"basedOnVersion\":%s,\"grades\":%s,\"reason\":\"%s\"}"
                        .formatted(version, grades, reason))));
        assertThat(changed.statusCode()).as(changed.body()).isBetween(200, 201);
    }

    static String await(String path, Map<String, String> headers, String state) {
        String[] last = new String[1];
        // A service being restarted refuses connections for a moment: keep asking.
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(300)).ignoreExceptions().untilAsserted(() -> {
            last[0] = SharedStack.get(path, headers).body();
            assertThat(last[0]).contains("\"state\":\"" + state + "\"");
        });
        return last[0];
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    static String idOf(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return id.group(1);
    }

    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"?([^\",}]*)\"?").matcher(json);
        assertThat(value.find()).as(name + " in " + json).isTrue();
        return value.group(1);
    }
}
