package com.lendflow.limit.creditline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.limit.CreditLineGrantRefused;
import com.lendflow.contracts.limit.CreditLineGranted;
import com.lendflow.contracts.limit.GrantCreditLine;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest(database = "lendflow_limit")
class CreditLineGrantTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;

    LimitProbe limit;
    HttpProbe app;
    HttpProbe staff;

    @BeforeEach
    void setUp() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        limit = new LimitProbe(codec);
        app = HttpProbe.localhost(port).bearer(TestTokens.appBackend());
        staff = HttpProbe.localhost(port).bearer(TestTokens.staff("agent-wang", "OPS_AGENT"));
    }

    @Test
    void anApprovedApplicationActivatesTheLineWithItsLimitRateAndGrade() {
        UUID customer = registered();
        GrantCreditLine approval = Grants.approved(customer, "20000.00", "0.073", "A");

        CreditLineGranted granted = limit.grant(approval);

        LocalDate inAYear = Grants.today().plusMonths(12);
        assertThat(granted.applicationId()).isEqualTo(approval.applicationId());
        assertThat(granted.customerId()).isEqualTo(customer);
        assertThat(granted.creditLimit()).isEqualTo("20000.00");
        assertThat(granted.annualRate()).isEqualTo("0.073000");
        assertThat(granted.grade()).isEqualTo("A");
        assertThat(granted.expiresOn()).isEqualTo(inAYear);
        assertThat(granted.grantedAt()).isNotNull();

        JsonNode line = customerReads(customer);
        assertThat(line.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(line.get("creditLimit").asString()).isEqualTo("20000.00");
        assertThat(line.get("available").asString()).isEqualTo("20000.00");
        assertThat(line.get("annualRate").asString()).isEqualTo("0.073000");
        assertThat(line.get("grade").asString()).isEqualTo("A");
        assertThat(line.get("expiresOn").asString()).isEqualTo(inAYear.toString());

        HttpResponse<String> internal = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class))
                .bearer(TestTokens.service("loan-order-service")).get("/internal/v1/credit-lines/" + customer);
        assertThat(internal.statusCode()).isEqualTo(200);
        assertThat(json.readTree(internal.body()).get("available").asString()).isEqualTo("20000.00");
    }

    @Test
    void aCommandDeliveredTwiceOrResentUnderANewMessageIdGrantsOnceAndAnswersTheSame() {
        UUID customer = registered();
        GrantCreditLine approval = Grants.approved(customer);
        Envelope first = limit.command(approval);

        limit.send(first);
        limit.send(first);
        // The saga's re-send after a step timeout: same command, new message id, same key and partition.
        limit.send(limit.command(approval));

        List<CreditLineGranted> replies = limit.awaitGranted(approval.applicationId(), 2);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(jdbc.sql("select count(*) from credit_line_grant where application_id = ?")
                .param(approval.applicationId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from credit_line where customer_id = ?")
                .param(customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSecondApprovedApplicationUpdatesTheOneLineAndStaffSeeTheHistory() {
        UUID customer = registered();
        GrantCreditLine first = Grants.approved(customer, "5000.00", "0.239", "E");
        limit.grant(first);
        GrantCreditLine second = Grants.approved(customer, "30000.00", "0.12", "B");

        CreditLineGranted regranted = limit.grant(second);

        assertThat(regranted.creditLimit()).isEqualTo("30000.00");
        assertThat(jdbc.sql("select count(*) from credit_line where customer_id = ?").param(customer)
                .query(Long.class).single()).isEqualTo(1);
        JsonNode line = customerReads(customer);
        assertThat(line.get("creditLimit").asString()).isEqualTo("30000.00");
        assertThat(line.get("annualRate").asString()).isEqualTo("0.120000");
        assertThat(line.get("grade").asString()).isEqualTo("B");

        HttpResponse<String> response = staff.get("/ops/v1/credit-lines/" + customer);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ops = json.readTree(response.body());
        assertThat(ops.get("grantedByApplication").asString()).isEqualTo(second.applicationId().toString());
        JsonNode history = ops.get("grants");
        assertThat(history).hasSize(2);
        JsonNode latest = history.get(0);
        assertThat(latest.get("applicationId").asString()).isEqualTo(second.applicationId().toString());
        assertThat(latest.get("outcome").asString()).isEqualTo("GRANTED");
        assertThat(latest.get("before").get("creditLimit").asString()).isEqualTo("5000.00");
        assertThat(latest.get("before").get("annualRate").asString()).isEqualTo("0.239000");
        assertThat(latest.get("before").get("grade").asString()).isEqualTo("E");
        assertThat(latest.get("after").get("creditLimit").asString()).isEqualTo("30000.00");
        assertThat(latest.get("after").get("grade").asString()).isEqualTo("B");
        JsonNode earliest = history.get(1);
        assertThat(earliest.get("before").get("status").asString()).isEqualTo("NOT_ACTIVATED");
        assertThat(earliest.get("before").get("creditLimit").asString()).isEqualTo("0.00");
        assertThat(earliest.get("after").get("creditLimit").asString()).isEqualTo("5000.00");
    }

    @Test
    void aFrozenLineIsRefusedAndTheAnswerStaysTheSameForThatApplication() {
        UUID customer = registered();
        limit.grant(Grants.approved(customer, "8000.00", "0.18", "C"));
        Freezes.freeze(limit, customer, "FRAUD_SIGNAL", "antifraud-service");
        GrantCreditLine approval = Grants.approved(customer, "15000.00", "0.12", "B");

        CreditLineGrantRefused refused = limit.refuse(approval);

        assertThat(refused.code()).isEqualTo("LINE_FROZEN");
        assertThat(refused.reason()).contains("frozen");
        assertThat(jdbc.sql("select credit_limit::text from credit_line where customer_id = ?").param(customer)
                .query(String.class).single()).isEqualTo("8000.00");

        // Unfrozen later, the same application's re-sent command still gets the answer the saga already acted on.
        Freezes.unfreeze(limit, customer, "antifraud-service");
        limit.send(limit.command(approval));
        List<CreditLineGrantRefused> answers = limit.awaitRefused(approval.applicationId(), 2);
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(limit.replies(approval.applicationId(), CreditLineGranted.TYPE.name())).isEmpty();
    }

    @Test
    void aLimitBelowWhatIsAlreadyDrawnAndReservedIsRefused() {
        UUID customer = registered();
        limit.grant(Grants.approved(customer, "10000.00", "0.073", "A"));
        jdbc.sql("update credit_line set occupied = 6000.00, reserved = 1000.00 where customer_id = ?").param(customer).update();

        CreditLineGrantRefused refused = limit.refuse(Grants.approved(customer, "5000.00", "0.12", "B"));

        assertThat(refused.code()).isEqualTo("LIMIT_BELOW_USAGE");
        assertThat(refused.reason()).contains("5000.00").contains("7000.00");
        JsonNode line = customerReads(customer);
        assertThat(line.get("creditLimit").asString()).isEqualTo("10000.00");
        assertThat(line.get("available").asString()).isEqualTo("3000.00");
        assertThat(line.get("grade").asString()).isEqualTo("A");

        // Exactly what is in use is enough.
        CreditLineGranted lowered = limit.grant(Grants.approved(customer, "7000.00", "0.12", "B"));
        assertThat(lowered.creditLimit()).isEqualTo("7000.00");
        assertThat(customerReads(customer).get("available").asString()).isEqualTo("0.00");
    }

    @Test
    void aGrantThatArrivesBeforeTheRegistrationOpensTheLineAndTheLateRegistrationChangesNothing() {
        UUID customer = UUID.randomUUID();
        limit.grant(Grants.approved(customer, "12000.00", "0.1", "B"));

        Envelope late = limit.register(customer);
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
                "select count(*) from messaging.inbox where message_id = ?").param(late.id()).query(Long.class).single() == 1);

        JsonNode line = customerReads(customer);
        assertThat(line.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(line.get("creditLimit").asString()).isEqualTo("12000.00");
        assertThat(line.get("annualRate").asString()).isEqualTo("0.100000");
    }

    @Test
    void malformedTermsAreRefusedWithACodeAndTouchNothing() {
        UUID customer = registered();

        assertThat(limit.refuse(Grants.approved(customer, "100.005", "0.1", "B")).code()).isEqualTo("INVALID_LIMIT");
        assertThat(limit.refuse(Grants.approved(customer, "-5.00", "0.1", "B")).code()).isEqualTo("INVALID_LIMIT");
        assertThat(limit.refuse(Grants.approved(customer, "lots", "0.1", "B")).code()).isEqualTo("INVALID_LIMIT");
        CreditLineGrantRefused usurious = limit.refuse(Grants.approved(customer, "1000.00", "0.25", "B"));
        assertThat(usurious.code()).isEqualTo("INVALID_RATE");
        assertThat(usurious.reason()).contains("0.24");
        assertThat(limit.refuse(Grants.approved(customer, "1000.00", "0", "B")).code()).isEqualTo("INVALID_RATE");
        assertThat(limit.refuse(Grants.approved(customer, "1000.00", "0.1", " ")).code()).isEqualTo("INVALID_GRADE");
        assertThat(limit.refuse(new GrantCreditLine(UUID.randomUUID(), customer, "1000.00", "0.1", "B",
                Grants.today().minusYears(2))).code()).isEqualTo("GRANT_ALREADY_EXPIRED");
        // The consumer kept going: a good command after the bad ones is granted.
        assertThat(limit.grant(Grants.approved(customer)).creditLimit()).isEqualTo("20000.00");

        assertThat(jdbc.sql("select count(*) from credit_line_grant where customer_id = ?").param(customer)
                .query(Long.class).single()).isEqualTo(1);
        UUID stranger = UUID.randomUUID();
        limit.refuse(Grants.approved(stranger, "0.00", "0.1", "B"));
        assertThat(jdbc.sql("select count(*) from credit_line where customer_id = ?").param(stranger)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLinePastItsExpiryReadsExpiredUntilANewApplicationRenewsIt() {
        UUID customer = registered();
        limit.grant(Grants.approved(customer, "9000.00", "0.1", "B"));
        // A year and a day later, as far as the line can tell.
        jdbc.sql("update credit_line set expires_on = ? where customer_id = ?")
                .param(Grants.today().minusDays(1)).param(customer).update();

        JsonNode expired = customerReads(customer);
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("available").asString()).isEqualTo("0.00");
        assertThat(expired.get("creditLimit").asString()).isEqualTo("9000.00");

        limit.grant(Grants.approved(customer, "9000.00", "0.1", "B"));
        assertThat(customerReads(customer).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aCustomerCannotReadAnotherCustomersLineNorTheOpsView() {
        UUID customer = registered();
        limit.grant(Grants.approved(customer));

        assertThat(app.with("X-Customer-Id", UUID.randomUUID().toString())
                .get("/api/v1/customers/" + customer + "/credit-line").statusCode()).isEqualTo(404);
        assertThat(app.with("X-Customer-Id", customer.toString())
                .get("/ops/v1/credit-lines/" + customer).statusCode()).isEqualTo(403);
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        assertThat(HttpProbe.localhost(port).bearer(TestTokens.staff("clerk-zhao", "FINANCE"))
                .get("/ops/v1/credit-lines/" + customer).statusCode()).isEqualTo(403);
        assertThat(staff.get("/ops/v1/credit-lines/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    private UUID registered() {
        UUID customer = UUID.randomUUID();
        limit.register(customer);
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> app.with("X-Customer-Id", customer.toString())
                .get("/api/v1/customers/" + customer + "/credit-line").statusCode() == 200);
        return customer;
    }

    private JsonNode customerReads(UUID customer) {
        HttpResponse<String> response = app.with("X-Customer-Id", customer.toString())
                .get("/api/v1/customers/" + customer + "/credit-line");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
