package com.lendflow.coreledger.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.coreledger.books.LedgerInvariants;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loan products as ops staff see them, and as only administrators change them, on the record. */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class LoanProductOpsTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired LoanProducts products;

    int port;
    HttpProbe anonymous;

    @BeforeEach
    void probes() {
        port = environment.getRequiredProperty("local.server.port", Integer.class);
        anonymous = HttpProbe.localhost(port);
    }

    @AfterEach
    void theBooksStillBalance() {
        LedgerInvariants.check(jdbc);
    }

    @Test
    void anAgentReadsTheStandardCashLoan() {
        HttpResponse<String> response = anonymous.bearer(TestTokens.staff("agent-li", "OPS_AGENT")).get("/ops/v1/loan-products");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode standard = json.readTree(response.body()).get("products").valueStream()
                .filter(product -> product.get("code").asString().equals("CASH_LOAN_STANDARD")).findFirst().orElseThrow();
        assertThat(standard.get("allowedTerms").valueStream().map(JsonNode::asInt)).containsExactly(3, 6, 9, 12, 24);
        assertThat(standard.get("allowedMethods").size()).isEqualTo(4);
        assertThat(standard.get("maxRate").asString()).isEqualTo("0.240000");
        assertThat(standard.get("minAmount").asString()).isEqualTo("100.00");
        assertThat(standard.get("amountStep").asString()).isEqualTo("1.00");
        assertThat(standard.get("graceDays").asInt()).isEqualTo(3);
        assertThat(standard.get("penaltyMarkup").asString()).isEqualTo("1.500000");
        assertThat(standard.get("dayCount").asString()).isEqualTo("ACT/365");
    }

    @Test
    void anAdministratorChangesTheGraceDaysOnTheRecord() throws Exception {
        String code = Products.newCode();
        assertThat(put(code, Products.cashLoan(3), admin()).statusCode()).isEqualTo(201);
        assertThat(products.find(code)).hasValueSatisfying(product -> assertThat(product.graceDays()).isEqualTo(3));

        HttpResponse<String> changed = put(code, Products.cashLoan(5), admin());

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("graceDays").asInt()).isEqualTo(5);
        assertThat(json.readTree(changed.body()).get("version").asLong()).isEqualTo(1);
        // The cache was refreshed when the change committed.
        assertThat(products.find(code)).hasValueSatisfying(product -> assertThat(product.graceDays()).isEqualTo(5));
        assertThat(jdbc.sql("""
                        select actor || ' ' || (before ->> 'graceDays') || '->' || (after ->> 'graceDays') || ' ' || reason
                          from audit.audit_record
                         where action = 'loan-product.change' and subject_type = 'loan-product' and subject_id = ?
                        """).param(code).query(String.class).list())
                .containsExactly("admin-zhao 3->5 launch of the test cash loan");
    }

    @Test
    void puttingTheSameProductAgainChangesNothing() throws Exception {
        String code = Products.newCode();
        put(code, Products.cashLoan(3), admin());

        HttpResponse<String> again = put(code, Products.cashLoan(3), admin());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("version").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from audit.audit_record where subject_id = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAgentCannotChangeAProduct() throws Exception {
        String code = Products.newCode();

        HttpResponse<String> response = put(code, Products.cashLoan(3), TestTokens.staff("agent-li", "OPS_AGENT"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(products.find(code)).isEmpty();
    }

    @Test
    void anInconsistentProductIsRefusedNamingTheField() throws Exception {
        String code = Products.newCode();

        HttpResponse<String> response = put(code, Products.withRatesUpsideDown(), admin());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("maxRate");
        assertThat(products.find(code)).isEmpty();
    }

    private static String admin() {
        return TestTokens.staff("admin-zhao", "ADMIN");
    }

    private HttpResponse<String> put(String code, String body, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ops/v1/loan-products/" + code))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
