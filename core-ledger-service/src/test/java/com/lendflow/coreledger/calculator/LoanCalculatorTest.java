package com.lendflow.coreledger.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public loan calculator over real HTTP, as a prospective borrower's app calls it: no token. */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class LoanCalculatorTest {

    private static final String PATH = "/api/v1/loan-calculator";

    @Autowired Environment environment;
    @Autowired JsonMapper json;

    HttpProbe anonymous;

    @BeforeEach
    void setUp() {
        anonymous = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    /* Figures worked by hand in GoldenSchedulesTest.borrowsHundredYuanOverThreeMonthsInEqualInstallments. */
    @Test
    void showsWhatBorrowingHundredYuanOverThreeMonthsCostsWithoutAToken() {
        HttpResponse<String> response = anonymous.postJson(PATH, body("\"100.00\"", "\"0.09125\"", "3", "\"EQUAL_INSTALLMENT\"",
                "\"2026-01-15\""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree("""
                {"installments":[
                  {"period":1,"dueDate":"2026-02-15","principal":"33.08","interest":"0.76","total":"33.84","remainingPrincipal":"66.92"},
                  {"period":2,"dueDate":"2026-03-15","principal":"33.33","interest":"0.51","total":"33.84","remainingPrincipal":"33.59"},
                  {"period":3,"dueDate":"2026-04-15","principal":"33.59","interest":"0.26","total":"33.85","remainingPrincipal":"0.00"}],
                 "totalInterest":"1.53","totalRepayment":"101.53"}"""));
    }

    /* Amounts are best sent as strings; a JSON number is read exactly as a decimal too, never through a double. */
    @Test
    void acceptsAmountsAsJsonNumbersToo() {
        HttpResponse<String> response = anonymous.postJson(PATH, body("100.00", "0.09125", "3", "\"EQUAL_INSTALLMENT\"",
                "\"2026-01-15\""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode schedule = json.readTree(response.body());
        assertThat(schedule.get("totalRepayment").asString()).isEqualTo("101.53");
        assertThat(schedule.get("installments").get(2).get("total").asString()).isEqualTo("33.85");
    }

    @Test
    void computesEveryMethod() {
        for (String method : List.of("EQUAL_PRINCIPAL", "INTEREST_FIRST", "BULLET")) {
            HttpResponse<String> response = anonymous.postJson(PATH, body("\"100.00\"", "\"0.09125\"", "3",
                    "\"" + method + "\"", "\"2026-01-15\""));

            assertThat(response.statusCode()).as(method + " " + response.body()).isEqualTo(200);
        }
        // Python decimal, see GoldenSchedulesTest: bullet 100 · 0.09125 · 90 / 365 = 2.25.
        HttpResponse<String> bullet = anonymous.postJson(PATH, body("\"100.00\"", "\"0.09125\"", "3", "\"BULLET\"", "\"2026-01-15\""));
        assertThat(json.readTree(bullet.body()).get("totalInterest").asString()).isEqualTo("2.25");
    }

    static List<Arguments> badRequests() {
        return List.of(
                bad("zero principal", body("\"0.00\"", "\"0.1\"", "3", "\"BULLET\"", "\"2026-01-15\""), "principal", "DecimalMin"),
                bad("negative principal", body("\"-100.00\"", "\"0.1\"", "3", "\"BULLET\"", "\"2026-01-15\""), "principal", "DecimalMin"),
                bad("a fraction of a fen", body("\"100.001\"", "\"0.1\"", "3", "\"BULLET\"", "\"2026-01-15\""), "principal", "Digits"),
                bad("a fraction of a fen as a number", body("100.001", "\"0.1\"", "3", "\"BULLET\"", "\"2026-01-15\""), "principal", "Digits"),
                bad("principal not a number", body("\"lots\"", "\"0.1\"", "3", "\"BULLET\"", "\"2026-01-15\""), "principal", "format"),
                bad("missing principal", "{\"annualRate\":\"0.1\",\"termMonths\":3,\"method\":\"BULLET\",\"startDate\":\"2026-01-15\"}",
                        "principal", "NotNull"),
                bad("rate above 24%", body("\"100.00\"", "\"0.2401\"", "3", "\"BULLET\"", "\"2026-01-15\""), "annualRate", "DecimalMax"),
                bad("negative rate", body("\"100.00\"", "\"-0.01\"", "3", "\"BULLET\"", "\"2026-01-15\""), "annualRate", "DecimalMin"),
                bad("rate with seven decimals", body("\"100.00\"", "\"0.1234567\"", "3", "\"BULLET\"", "\"2026-01-15\""), "annualRate", "Digits"),
                bad("no months", body("\"100.00\"", "\"0.1\"", "0", "\"BULLET\"", "\"2026-01-15\""), "termMonths", "Min"),
                bad("61 months", body("\"100.00\"", "\"0.1\"", "61", "\"BULLET\"", "\"2026-01-15\""), "termMonths", "Max"),
                bad("unknown method", body("\"100.00\"", "\"0.1\"", "3", "\"WEEKLY\"", "\"2026-01-15\""), "method", "format"),
                bad("missing method", "{\"principal\":\"100.00\",\"annualRate\":\"0.1\",\"termMonths\":3,\"startDate\":\"2026-01-15\"}",
                        "method", "NotNull"),
                bad("malformed date", body("\"100.00\"", "\"0.1\"", "3", "\"BULLET\"", "\"15/01/2026\""), "startDate", "format"),
                bad("30 February", body("\"100.00\"", "\"0.1\"", "3", "\"BULLET\"", "\"2026-02-30\""), "startDate", "format"),
                bad("unknown field", "{\"principal\":\"100.00\",\"annualRate\":\"0.1\",\"termMonths\":3,\"method\":\"BULLET\","
                        + "\"startDate\":\"2026-01-15\",\"fee\":\"1.00\"}", "fee", "unknown-field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsRefusedNamingTheField(String why, String body, String field, String rule) {
        HttpResponse<String> response = anonymous.postJson(PATH, body);

        assertThat(response.statusCode()).as(why + " " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("errors").valueStream()
                .anyMatch(error -> error.get("field").asString().equals(field) && error.get("rule").asString().equals(rule)))
                .as("%s names %s/%s in %s", why, field, rule, response.body())
                .isTrue();
    }

    @Test
    void theRestOfTheApiStillNeedsAToken() {
        assertThat(anonymous.get("/api/v1/loans").statusCode()).isEqualTo(401);
    }

    private static Arguments bad(String why, String body, String field, String rule) {
        return Arguments.of(why, body, field, rule);
    }

    private static String body(String principal, String annualRate, String termMonths, String method, String startDate) {
        return "{\"principal\":" + principal + ",\"annualRate\":" + annualRate + ",\"termMonths\":" + termMonths
                + ",\"method\":" + method + ",\"startDate\":" + startDate + "}";
    }
}
