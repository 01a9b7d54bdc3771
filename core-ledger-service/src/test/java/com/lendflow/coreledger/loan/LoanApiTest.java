package com.lendflow.coreledger.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.coreledger.books.LedgerInvariants;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loans over HTTP: services open them, customers read their own, staff read their history. */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class LoanApiTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    HttpProbe anonymous;
    HttpProbe loanOrderService;

    @BeforeEach
    void probes() {
        anonymous = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
        loanOrderService = anonymous.bearer(TestTokens.service("loan-order-service"));
    }

    @AfterEach
    void theBooksStillBalance() {
        LedgerInvariants.check(jdbc);
    }

    @Test
    void theDrawdownSagaOpensALoanAndARetryGetsTheSameLoan() {
        OpenLoan opening = Loans.hundredYuan();
        String key = "open-" + UUID.randomUUID();

        HttpResponse<String> opened = open(opening, key);
        HttpResponse<String> retried = open(opening, key);
        HttpResponse<String> askedAgain = open(opening, "open-" + UUID.randomUUID());

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode loan = json.readTree(opened.body());
        assertThat(opened.headers().firstValue("Location")).hasValue("/api/v1/loans/" + loan.get("id").asString());
        assertThat(loan.get("principal").asString()).isEqualTo("100.00");
        assertThat(loan.get("schedule").get("installments").valueStream().map(i -> i.get("total").asString()))
                .containsExactly("33.84", "33.84", "33.85");
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(askedAgain.statusCode()).as(askedAgain.body()).isEqualTo(200);
        assertThat(json.readTree(askedAgain.body()).get("id").asString()).isEqualTo(loan.get("id").asString());
        assertThat(jdbc.sql("select count(*) from journal_entry where event_id = ?")
                .param("disbursement:" + opening.disbursementId()).query(Long.class).single()).isEqualTo(1);
    }

    static Stream<Arguments> loansTheProductDoesNotOffer() {
        return Stream.of(
                Arguments.of(Loans.withTerm(Loans.hundredYuan(), 7), "termMonths"),
                Arguments.of(Loans.withRate(Loans.hundredYuan(), "0.25"), "annualRate"),
                Arguments.of(Loans.withPrincipal(Loans.hundredYuan(), "99.00"), "principal"),
                Arguments.of(Loans.withPrincipal(Loans.hundredYuan(), "100.50"), "principal"));
    }

    @ParameterizedTest
    @MethodSource("loansTheProductDoesNotOffer")
    void aLoanTheProductDoesNotOfferIsA400NamingTheField(OpenLoan opening, String field) {
        HttpResponse<String> response = open(opening, "open-" + UUID.randomUUID());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:lendflow:problem:invalid-request");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString())).containsExactly(field);
        assertThat(jdbc.sql("select count(*) from loan_account where disbursement_id = ?")
                .param(opening.disbursementId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from journal_entry where event_id = ?")
                .param("disbursement:" + opening.disbursementId()).query(Long.class).single()).isZero();
    }

    @Test
    void openingALoanNeedsAnIdempotencyKey() {
        HttpResponse<String> response = loanOrderService.postJson("/internal/v1/loans", Loans.json(Loans.hundredYuan()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }

    @Test
    void theCustomerReadsTheirLoanAndItsSchedule() {
        UUID customer = UUID.randomUUID();
        String loanId = openedLoanOf(customer);

        HttpResponse<String> response = customer(customer).get("/api/v1/loans/" + loanId);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode loan = json.readTree(response.body());
        assertThat(loan.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(loan.get("principal").asString()).isEqualTo("100.00");
        assertThat(loan.get("annualRate").asString()).isEqualTo("0.091250");
        assertThat(loan.get("termMonths").asInt()).isEqualTo(3);
        assertThat(loan.get("method").asString()).isEqualTo("EQUAL_INSTALLMENT");
        assertThat(loan.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(loan.get("outstandingPrincipal").asString()).isEqualTo("100.00");
        JsonNode schedule = loan.get("schedule");
        assertThat(schedule.get("version").asInt()).isEqualTo(1);
        assertThat(schedule.get("installments").valueStream().map(i -> i.get("dueDate").asString() + " "
                + i.get("principal").asString() + "+" + i.get("interest").asString() + "=" + i.get("total").asString()))
                .containsExactly("2026-02-15 33.08+0.76=33.84", "2026-03-15 33.33+0.51=33.84", "2026-04-15 33.59+0.26=33.85");
        assertThat(schedule.get("totalInterest").asString()).isEqualTo("1.53");
        assertThat(schedule.get("totalRepayment").asString()).isEqualTo("101.53");
    }

    @Test
    void anotherCustomerSeesNoSuchLoan() {
        String loanId = openedLoanOf(UUID.randomUUID());

        HttpResponse<String> response = customer(UUID.randomUUID()).get("/api/v1/loans/" + loanId);
        HttpResponse<String> unknown = customer(UUID.randomUUID()).get("/api/v1/loans/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("title").asString())
                .isEqualTo(json.readTree(unknown.body()).get("title").asString());
    }

    @Test
    void aCustomerTokenCannotOpenLoans() {
        HttpResponse<String> response = customer(UUID.randomUUID()).postJson("/internal/v1/loans",
                Loans.json(Loans.hundredYuan()), Map.of("Idempotency-Key", "open-" + UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void staffReadTheLoanHistoryWithItsScheduleVersionAndDisbursementEntry() {
        String loanId = openedLoanOf(UUID.randomUUID());

        HttpResponse<String> response = anonymous.bearer(TestTokens.staff("agent-li", "OPS_AGENT"))
                .get("/ops/v1/loans/" + loanId + "/history");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode history = json.readTree(response.body());
        assertThat(history.get("scheduleVersions").valueStream().map(v -> v.get("version").asInt())).containsExactly(1);
        assertThat(history.get("scheduleVersions").get(0).get("installments").size()).isEqualTo(3);
        assertThat(history.get("journalEntries").size()).isEqualTo(1);
        JsonNode entry = history.get("journalEntries").get(0);
        assertThat(entry.get("eventType").asString()).isEqualTo("LoanDisbursed");
        assertThat(entry.get("businessDate").asString()).isEqualTo("2026-01-15");
        assertThat(entry.get("lines").valueStream().map(line -> line.get("account").asString() + " "
                + line.get("side").asString() + " " + line.get("amount").asString() + " "
                + line.get("fundingPartner").asString()))
                .containsExactly("1101 DEBIT 100.00 bank-of-ningbo", "2101 CREDIT 100.00 bank-of-ningbo");
        assertThat(anonymous.bearer(TestTokens.staff("admin-zhao", "ADMIN")).get("/ops/v1/loans/" + UUID.randomUUID()
                + "/history").statusCode()).isEqualTo(404);
    }

    @Test
    void aCustomerCannotReadTheHistory() {
        String loanId = openedLoanOf(UUID.randomUUID());

        assertThat(customer(UUID.randomUUID()).get("/ops/v1/loans/" + loanId + "/history").statusCode()).isEqualTo(403);
        assertThat(anonymous.get("/ops/v1/loans/" + loanId + "/history").statusCode()).isEqualTo(401);
    }

    private String openedLoanOf(UUID customer) {
        HttpResponse<String> response = open(Loans.hundredYuanFor(customer), "open-" + UUID.randomUUID());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    private HttpResponse<String> open(OpenLoan opening, String idempotencyKey) {
        return loanOrderService.postJson("/internal/v1/loans", Loans.json(opening), Map.of("Idempotency-Key", idempotencyKey));
    }

    private HttpProbe customer(UUID customer) {
        return anonymous.bearer(TestTokens.appBackend()).with("X-Customer-Id", customer.toString());
    }
}
