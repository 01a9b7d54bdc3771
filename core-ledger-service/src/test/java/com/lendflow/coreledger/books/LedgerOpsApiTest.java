package com.lendflow.coreledger.books;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The books as finance staff read them over HTTP; nobody else reads them, and nobody writes through the API. */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class LedgerOpsApiTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Books books;

    HttpProbe anonymous;
    HttpProbe finance;
    JournalEntry disbursement;

    @BeforeEach
    void disburseHundredYuan() {
        anonymous = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
        finance = anonymous.bearer(TestTokens.staff("finance-qian", "FINANCE"));
        disbursement = books.post(Entries.disbursement("100.00"));
    }

    @AfterEach
    void theBooksStillBalance() {
        LedgerInvariants.check(jdbc);
    }

    @Test
    void financeReadsTheTrialBalanceAtADate() {
        HttpResponse<String> response = finance.get("/ops/v1/ledger/trial-balance?asOf=2026-01-31");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode trialBalance = json.readTree(response.body());
        assertThat(trialBalance.get("asOf").asString()).isEqualTo("2026-01-31");
        assertThat(trialBalance.get("balanced").asBoolean()).isTrue();
        assertThat(trialBalance.get("debitTotal").asString()).matches("\\d+\\.\\d{2}")
                .isEqualTo(trialBalance.get("creditTotal").asString());
        assertThat(trialBalance.get("accounts").size()).isEqualTo(18);
        JsonNode receivable = trialBalance.get("accounts").valueStream()
                .filter(account -> account.get("code").asString().equals("1101")).findFirst().orElseThrow();
        assertThat(receivable.get("type").asString()).isEqualTo("ASSET");
        assertThat(receivable.get("normalSide").asString()).isEqualTo("DEBIT");
        assertThat(receivable.get("balance").asString()).matches("-?\\d+\\.\\d{2}");
    }

    @Test
    void aTrialBalanceWithoutItsDateIsRefusedNamingTheParameter() {
        HttpResponse<String> response = finance.get("/ops/v1/ledger/trial-balance");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode violation = json.readTree(response.body()).get("errors").get(0);
        assertThat(violation.get("field").asString()).isEqualTo("asOf");
        assertThat(violation.get("rule").asString()).isEqualTo("required-parameter");
    }

    @Test
    void beforeAnythingWasPostedTheTrialBalanceIsAllZeros() {
        JsonNode trialBalance = json.readTree(finance.get("/ops/v1/ledger/trial-balance?asOf=2000-01-01").body());

        assertThat(trialBalance.get("debitTotal").asString()).isEqualTo("0.00");
        assertThat(trialBalance.get("accounts").valueStream().map(account -> account.get("balance").asString()))
                .containsOnly("0.00");
    }

    @Test
    void financeReadsEachFundingPartnersPosition() {
        HttpResponse<String> response = anonymous.bearer(TestTokens.staff("finance-qian", "FINANCE"))
                .get("/ops/v1/ledger/funding-partners");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var partners = json.readTree(response.body()).get("partners");
        assertThat(partners.valueStream().map(p -> p.get("fundingPartner").asString())).isNotEmpty();
        // Every partner is owed, to the fen, the principal its loans have been lent and not yet repaid.
        partners.valueStream().forEach(p -> assertThat(p.get("principalOutstanding").asString()).matches("-?\\d+\\.\\d{2}"));
    }

    @Test
    void anAdministratorReadsTheChartWithBalances() {
        HttpResponse<String> response = anonymous.bearer(TestTokens.staff("admin-zhao", "ADMIN")).get("/ops/v1/ledger/accounts");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("accounts").valueStream().map(account -> account.get("code").asString()))
                .containsExactly("1101", "1102", "1103", "1201", "1998", "1999", "2101", "2201", "4101", "4102", "4103", "4104",
                        "4105", "5101", "5102", "5103", "5104", "5105");
    }

    @Test
    void financeReadsAnEntryWithItsLines() {
        HttpResponse<String> response = finance.get("/ops/v1/ledger/entries/" + disbursement.id());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode entry = json.readTree(response.body());
        assertThat(entry.get("eventId").asString()).isEqualTo(disbursement.eventId());
        assertThat(entry.get("lines").get(0).get("amount").asString()).isEqualTo("100.00");
        assertThat(entry.get("lines").get(0).get("side").asString()).isEqualTo("DEBIT");
        assertThat(entry.get("lines").get(1).get("account").asString()).isEqualTo("2101");
        assertThat(finance.get("/ops/v1/ledger/entries/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aTrialBalanceNeedsADate() {
        assertThat(finance.get("/ops/v1/ledger/trial-balance").statusCode()).isEqualTo(400);
        assertThat(finance.get("/ops/v1/ledger/trial-balance?asOf=31/01/2026").statusCode()).isEqualTo(400);
    }

    @Test
    void anAgentIsForbiddenTheBooks() {
        HttpProbe agent = anonymous.bearer(TestTokens.staff("agent-li", "OPS_AGENT"));

        HttpResponse<String> response = agent.get("/ops/v1/ledger/trial-balance?asOf=2026-01-31");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:lendflow:problem:forbidden");
        assertThat(agent.get("/ops/v1/ledger/entries/" + disbursement.id()).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutATokenTheBooksAreClosed() {
        assertThat(anonymous.get("/ops/v1/ledger/trial-balance?asOf=2026-01-31").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/ops/v1/ledger/accounts").statusCode()).isEqualTo(401);
    }

    @Test
    void nobodyPostsThroughTheApi() {
        HttpResponse<String> response = finance.postJson("/ops/v1/ledger/entries", "{}");
        assertThat(response.statusCode()).isIn(404, 405);
    }
}
