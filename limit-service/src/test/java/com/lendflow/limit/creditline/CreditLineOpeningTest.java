package com.lendflow.limit.creditline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.customer.CustomerRegistered;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_limit")
class CreditLineOpeningTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    HttpProbe http;

    @BeforeEach
    void setUp() {
        http = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class))
                .bearer(TestTokens.appBackend());
    }

    @Test
    void aRegisteredCustomerGetsAnEmptyCreditLine() {
        UUID customerId = UUID.randomUUID();
        announce(registration(customerId));

        JsonNode line = json.readTree(awaitCreditLine(customerId).body());
        assertThat(line.get("customerId").asString()).isEqualTo(customerId.toString());
        assertThat(line.get("status").asString()).isEqualTo("NOT_ACTIVATED");
        assertThat(line.get("currency").asString()).isEqualTo("CNY");
        assertThat(line.get("creditLimit").asString()).isEqualTo("0.00");
        assertThat(line.get("available").asString()).isEqualTo("0.00");
        assertThat(line.get("occupied").asString()).isEqualTo("0.00");
        assertThat(line.get("reserved").asString()).isEqualTo("0.00");
    }

    @Test
    void aRedeliveredRegistrationOpensNoSecondLine() {
        UUID customerId = UUID.randomUUID();
        Envelope registration = registration(customerId);
        announce(registration);
        announce(registration);
        // A later message on the same key and partition proves both copies were consumed.
        UUID next = UUID.randomUUID();
        Envelope marker = codec.wrap(CustomerRegistered.TYPE, customerId.toString(), new CustomerRegistered(next, Instant.now()),
                UUID.randomUUID(), UUID.randomUUID(), null, Instant.now());
        announce(marker);
        awaitCreditLine(next);

        assertThat(jdbc.sql("select count(*) from credit_line where customer_id = ?").param(customerId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from messaging.inbox where message_id = ?").param(registration.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCustomerWithoutALineIs404() {
        UUID customerId = UUID.randomUUID();
        HttpResponse<String> response = http.with("X-Customer-Id", customerId.toString())
                .get("/api/v1/customers/" + customerId + "/credit-line");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("title").asString()).isEqualTo("Credit line not found");
    }

    @Test
    void anotherCustomersLineIsNotFoundAndAStaffTokenIsNotACustomer() {
        UUID customerId = UUID.randomUUID();
        announce(registration(customerId));
        awaitCreditLine(customerId);

        HttpResponse<String> someoneElse = http.with("X-Customer-Id", UUID.randomUUID().toString())
                .get("/api/v1/customers/" + customerId + "/credit-line");
        HttpResponse<String> anonymous = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class))
                .get("/api/v1/customers/" + customerId + "/credit-line");

        assertThat(someoneElse.statusCode()).isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private Envelope registration(UUID customerId) {
        return codec.wrap(CustomerRegistered.TYPE, customerId.toString(), new CustomerRegistered(customerId, Instant.now()),
                UUID.randomUUID(), UUID.randomUUID(), null, Instant.now());
    }

    private void announce(Envelope envelope) {
        KafkaProbe.send(Topics.LOAN_ORDER_CUSTOMER, envelope.aggregateId(), codec.encode(envelope));
    }

    private HttpResponse<String> awaitCreditLine(UUID customerId) {
        HttpResponse<String>[] found = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = http.with("X-Customer-Id", customerId.toString()).get("/api/v1/customers/" + customerId + "/credit-line");
            return found[0].statusCode() == 200;
        });
        return found[0];
    }
}
