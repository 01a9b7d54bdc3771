package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Credit-line activation (授信) as the app backend and ops staff live it, through the gateway with
 * real tokens, across loan-order, esign, antifraud, credit-decision and limit over a real Kafka
 * broker, with the partner simulator playing the e-signature provider and the credit bureau.
 */
class CreditLineJourneyTest {

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Duration JOURNEY = Duration.ofSeconds(90);

    final String app = "Bearer " + SharedStack.clientToken("app-backend");

    /** A registered customer and the device they apply from. */
    record Applicant(String customerId, String name, String mobile, String idNumber, String deviceId, String wifiMac) {
    }

    Applicant register() {
        String idNumber = Identities.idNumber();
        String mobile = Identities.mobile();
        HttpResponse<String> registered = SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"王小明\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}".formatted(mobile, idNumber),
                Map.of("Authorization", app, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String mac = "3c:22:fb:%02x:%02x:%02x".formatted((int) (Math.random() * 256), (int) (Math.random() * 256),
                (int) (Math.random() * 256));
        return new Applicant(idOf(registered), "王小明", mobile, idNumber, "dev-" + UUID.randomUUID(), mac);
    }

    static String applicationBody(Applicant applicant) {
        return """
                {"fullName":"%s","mobile":"%s","idNumber":"%s",
                 "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                 "device":{"deviceId":"%s","os":"Android","osVersion":"14","appVersion":"3.2.0","ip":"10.20.30.40",
                           "wifiSsid":"home","wifiMac":"%s","emulator":false,"rooted":false}}"""
                .formatted(applicant.name(), applicant.mobile(), applicant.idNumber(), applicant.deviceId(),
                        applicant.wifiMac());
    }

    String apply(Applicant applicant) {
        HttpResponse<String> submitted = SharedStack.postJson("/api/v1/credit-applications", applicationBody(applicant),
                asCustomer(applicant, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return idOf(submitted);
    }

    Map<String, String> asCustomer(Applicant applicant, String... more) {
        var headers = new java.util.HashMap<>(Map.of("Authorization", app, "X-Customer-Id", applicant.customerId()));
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    /** Polls the customer's view until the application is in {@code state}; returns that view. */
    String awaitState(Applicant applicant, String applicationId, String state) {
        String[] last = new String[1];
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            HttpResponse<String> view = SharedStack.get("/api/v1/credit-applications/" + applicationId,
                    asCustomer(applicant));
            last[0] = view.body();
            assertThat(view.body()).contains("\"state\":\"" + state + "\"");
        });
        return last[0];
    }

    static String staff(String user) {
        return "Bearer " + SharedStack.staffToken(user);
    }

    static String idOf(HttpResponse<String> response) {
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return id.group(1);
    }

    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(value.find()).as(name + " in " + json).isTrue();
        return value.group(1);
    }

    @Test
    void anOrdinaryApplicantGetsALineWithTheLimitAndRateOfTheirGrade() {
        Applicant applicant = register();

        String applicationId = apply(applicant);
        String approved = awaitState(applicant, applicationId, "APPROVED");

        String grade = field(approved, "riskGrade");
        String limit = field(approved, "creditLimit");
        String rate = field(approved, "annualRate");
        assertThat(field(approved, "expiresOn")).isNotBlank();
        // The rate is the grade table's rate for that grade, and the limit lies in its range.
        String gradeTable = SharedStack.get("/ops/v1/credit-decision/grade-table",
                Map.of("Authorization", staff("analyst"))).body();
        Matcher row = Pattern.compile("\\{[^{}]*\"grade\":\"" + grade + "\"[^{}]*}").matcher(gradeTable);
        assertThat(row.find()).as(gradeTable).isTrue();
        assertThat(new java.math.BigDecimal(field(row.group(), "annualRate"))).isEqualByComparingTo(rate);
        assertThat(new java.math.BigDecimal(limit))
                .isBetween(new java.math.BigDecimal(field(row.group(), "minLimit")),
                        new java.math.BigDecimal(field(row.group(), "maxLimit")));

        // limit-service holds the line; the customer reads it through the gateway.
        String line = SharedStack.get("/api/v1/customers/" + applicant.customerId() + "/credit-line",
                asCustomer(applicant)).body();
        assertThat(field(line, "status")).isEqualTo("ACTIVE");
        assertThat(field(line, "creditLimit")).isEqualTo(limit);

        // Staff see every step, and the decision explains itself.
        String timeline = SharedStack.get("/ops/v1/credit-applications/" + applicationId,
                Map.of("Authorization", staff("supervisor"))).body();
        assertThat(timeline).contains("SignAuthorisation", "AuthorisationSigned", "AssessFraudRisk",
                "FraudRiskAssessed", "AssessCreditRisk", "CreditRiskDecided", "GrantCreditLine", "CreditLineGranted")
                .doesNotContain(applicant.idNumber()).doesNotContain(applicant.mobile());
        HttpResponse<String> decision = SharedStack.get("/ops/v1/credit-decision/decisions/" + applicationId,
                Map.of("Authorization", staff("analyst")));
        assertThat(decision.statusCode()).as(decision.body()).isEqualTo(200);
        assertThat(decision.body()).contains("\"" + grade + "\"").doesNotContain(applicant.idNumber());
        // The signed authorisation is the customer's to read.
        String documentId = field(timeline, "documentId");
        HttpResponse<String> pdf = SharedStack.get("/api/v1/documents/" + documentId, asCustomer(applicant));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void anApplicationFromABlacklistedDeviceIsRejectedWithACustomerSafeMessage() {
        Applicant applicant = register();
        HttpResponse<String> listed = SharedStack.postJson("/ops/v1/antifraud/blacklist",
                "{\"kind\":\"DEVICE\",\"value\":\"%s\",\"reason\":\"device seen in a fraud ring\"}"
                        .formatted(applicant.deviceId()), Map.of("Authorization", staff("analyst")));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);

        String applicationId = apply(applicant);
        String rejected = awaitState(applicant, applicationId, "REJECTED");

        assertThat(field(rejected, "reasonCode")).isEqualTo("NOT_ELIGIBLE");
        assertThat(rejected).doesNotContain("BLACKLIST").doesNotContain("fraud");
        String staffView = SharedStack.get("/ops/v1/credit-applications/" + applicationId,
                Map.of("Authorization", staff("supervisor"))).body();
        assertThat(staffView).contains("BLACKLISTED_DEVICE");
        assertThat(field(SharedStack.get("/api/v1/customers/" + applicant.customerId() + "/credit-line",
                asCustomer(applicant)).body(), "status")).isEqualTo("NOT_ACTIVATED");
    }

    @Test
    void aBureauRecordWithSeriousDelinquencyIsRejected() {
        Applicant applicant = register();
        HttpResponse<String> profile = SharedStack.send(HttpRequest.newBuilder(URI.create(
                        SharedStack.get().urlOf(Suite.PARTNER_SIMULATOR) + "/sim/v1/bureau/profiles/" + applicant.idNumber()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"worstDaysPastDueLast24Months":120,"overdueAccounts":2,"totalOutstandingDebt":"18000.00",
                         "openAccounts":5,"inquiriesLast3Months":1,"inquiriesLast6Months":2}""")));
        assertThat(profile.statusCode()).as(profile.body()).isBetween(200, 204);

        String applicationId = apply(applicant);
        String rejected = awaitState(applicant, applicationId, "REJECTED");

        assertThat(field(rejected, "message")).isEqualTo("We can't offer you a credit line at the moment.");
        assertThat(SharedStack.get("/ops/v1/credit-applications/" + applicationId,
                Map.of("Authorization", staff("supervisor"))).body()).contains("BUREAU_SERIOUS_DELINQUENCY");
    }

    @Test
    void anApplicationSentToManualReviewCompletesWhenAnAnalystApprovesIt() {
        Applicant applicant = register();
        // A Wi-Fi network known from fraud cases sends the application to a person rather than rejecting it.
        HttpResponse<String> listed = SharedStack.postJson("/ops/v1/antifraud/blacklist",
                "{\"kind\":\"WIFI_MAC\",\"value\":\"%s\",\"reason\":\"hotspot used in a fraud case\"}"
                        .formatted(applicant.wifiMac()), Map.of("Authorization", staff("analyst")));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);

        String applicationId = apply(applicant);
        awaitState(applicant, applicationId, "UNDER_REVIEW");
        String analyst = staff("analyst");
        String[] reviewId = new String[1];
        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> {
            String queue = SharedStack.get("/ops/v1/antifraud/reviews?size=200", Map.of("Authorization", analyst)).body();
            Matcher review = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"applicationId\":\"" + applicationId + "\"")
                    .matcher(queue);
            assertThat(review.find()).as(queue).isTrue();
            reviewId[0] = review.group(1);
        });
        HttpResponse<String> approved = SharedStack.postJson("/ops/v1/antifraud/reviews/" + reviewId[0] + "/approve",
                "{\"comment\":\"customer called back; the hotspot is a cafe near their office\"}",
                Map.of("Authorization", analyst));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        awaitState(applicant, applicationId, "APPROVED");
        assertThat(SharedStack.get("/ops/v1/credit-applications/" + applicationId,
                Map.of("Authorization", staff("supervisor"))).body()).contains("cafe near their office");
    }

    @Test
    void restartsMidSagaAndARedeliveredReplyChangeNoOutcome() {
        LocalStack stack = SharedStack.get();
        StackService creditDecision = service("credit-decision-service");
        StackService loanOrder = service("loan-order-service");
        Applicant applicant = register();

        // The decision service is down when the application reaches it; then the orchestrator goes down too.
        stack.stop(creditDecision);
        String applicationId;
        try {
            applicationId = apply(applicant);
            awaitState(applicant, applicationId, "FRAUD_CHECKED");
            stack.stop(loanOrder);
        } finally {
            stack.startAgain(creditDecision);
        }
        stack.startAgain(loanOrder);

        awaitState(applicant, applicationId, "APPROVED");
        String line = SharedStack.get("/api/v1/customers/" + applicant.customerId() + "/credit-line",
                asCustomer(applicant)).body();

        // The signing reply delivered again, as is and under a new message id: nothing changes.
        ConsumerRecord<String, String> signed = firstRecord("lendflow.esign.document", applicationId,
                "\"AuthorisationSigned\"");
        String copy = signed.value().replaceFirst("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"" + UUID.randomUUID() + "\"");
        produce("lendflow.esign.document", applicationId, signed.value(), copy);

        Awaitility.await().atMost(JOURNEY).untilAsserted(() -> assertThat(SharedStack.get(
                "/ops/v1/credit-applications/" + applicationId, Map.of("Authorization", staff("supervisor"))).body())
                .contains("REPLY_IGNORED"));
        assertThat(awaitState(applicant, applicationId, "APPROVED")).contains("\"state\":\"APPROVED\"");
        assertThat(SharedStack.get("/api/v1/customers/" + applicant.customerId() + "/credit-line",
                asCustomer(applicant)).body()).isEqualTo(line);
        assertThat(SharedStack.count("lendflow_limit",
                "select count(*) from credit_line_grant where application_id = '" + applicationId + "'")).isOne();
        assertThat(SharedStack.count("lendflow_esign",
                "select count(*) from document where application_id = '" + applicationId + "'")).isOne();
    }

    static StackService service(String name) {
        return Suite.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static ConsumerRecord<String, String> firstRecord(String topic, String key, String containing) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.get().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "journey-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && record.value().contains(containing)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + containing + " for " + key + " on " + topic);
    }

    static void produce(String topic, String key, String... values) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.get().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, key, value));
            }
            producer.flush();
        }
    }
}
