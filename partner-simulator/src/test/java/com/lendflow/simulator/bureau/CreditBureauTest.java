package com.lendflow.simulator.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.simulator.PartnerSimulatorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = PartnerSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
class CreditBureauTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID_NUMBER = "110101199003071234";

    @Autowired Environment environment;

    @AfterEach
    void behaveAgain() throws Exception {
        send("DELETE", "/sim/v1/bureau/fault", null, Map.of(), Duration.ofSeconds(5));
    }

    @Test
    void anOrdinaryPersonHasACleanRecordThatIsTheSameEveryTime() throws Exception {
        String idNumber = uniqueIdNumber();

        HttpResponse<String> first = query(idNumber, Map.of());
        HttpResponse<String> second = query(idNumber, Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(first.body());
        JsonNode again = JSON.readTree(second.body());
        assertThat(report.get("worstDaysPastDueLast24Months").asInt()).isZero();
        assertThat(report.get("overdueAccounts").asInt()).isZero();
        assertThat(report.get("totalOutstandingDebt").decimalValue()).isBetween(new java.math.BigDecimal("0"),
                new java.math.BigDecimal("19900"));
        assertThat(report.get("inquiriesLast3Months").asInt()).isLessThanOrEqualTo(1);
        for (String field : new String[] {"totalOutstandingDebt", "openAccounts", "inquiriesLast3Months", "inquiriesLast6Months"}) {
            assertThat(again.get(field).asString()).as(field).isEqualTo(report.get(field).asString());
        }
        assertThat(report.get("reportId").asString()).isNotEqualTo(again.get("reportId").asString());
        assertThat(first.body()).doesNotContain(idNumber).contains(idNumber.substring(0, 3) + "***********");
        assertThat(report.get("subjectName").asString()).isEqualTo("*三");
    }

    @Test
    void aProfileSetForAPersonIsWhatTheirReportsSayAndQueriesAreCounted() throws Exception {
        String idNumber = uniqueIdNumber();
        HttpResponse<String> set = send("PUT", "/sim/v1/bureau/profiles/" + idNumber, """
                {"worstDaysPastDueLast24Months":120,"overdueAccounts":2,"totalOutstandingDebt":"56000.00",
                 "openAccounts":5,"inquiriesLast3Months":9,"inquiriesLast6Months":14}""", Map.of(), Duration.ofSeconds(5));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        JsonNode report = JSON.readTree(query(idNumber, Map.of()).body());
        JsonNode profile = JSON.readTree(send("GET", "/sim/v1/bureau/profiles/" + idNumber, null, Map.of(),
                Duration.ofSeconds(5)).body());

        assertThat(report.get("worstDaysPastDueLast24Months").asInt()).isEqualTo(120);
        assertThat(report.get("overdueAccounts").asInt()).isEqualTo(2);
        assertThat(report.get("totalOutstandingDebt").decimalValue()).isEqualByComparingTo("56000");
        assertThat(report.get("inquiriesLast3Months").asInt()).isEqualTo(9);
        assertThat(profile.get("set").asBoolean()).isTrue();
        assertThat(profile.get("queriesReceived").asInt()).isEqualTo(1);

        send("DELETE", "/sim/v1/bureau/profiles/" + idNumber, null, Map.of(), Duration.ofSeconds(5));
        assertThat(JSON.readTree(query(idNumber, Map.of()).body()).get("overdueAccounts").asInt()).isZero();
    }

    @Test
    void aProfileWithANegativeDebtIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> refused = send("PUT", "/sim/v1/bureau/profiles/" + uniqueIdNumber(), """
                {"worstDaysPastDueLast24Months":0,"overdueAccounts":0,"totalOutstandingDebt":"-1.00",
                 "openAccounts":1,"inquiriesLast3Months":0,"inquiriesLast6Months":0}""", Map.of(), Duration.ofSeconds(5));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("totalOutstandingDebt");
    }

    @Test
    void noAuthorisationNoReport() throws Exception {
        HttpResponse<String> refused = send("POST", "/sim/v1/bureau/reports", """
                {"name":"张三","idNumber":"%s","mobile":"13812345678","queryReason":"CREDIT_APPROVAL"}"""
                .formatted(ID_NUMBER), Map.of(), Duration.ofSeconds(5));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("authorisationReference");
    }

    @Test
    void aTimeoutAnswersTooLateForOneQueryOnly() throws Exception {
        send("PUT", "/sim/v1/bureau/fault", "{\"mode\":\"TIMEOUT\",\"delay\":\"PT2S\",\"times\":1}", Map.of(),
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> send("POST", "/sim/v1/bureau/reports", request(uniqueIdNumber()), Map.of(),
                Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);
        assertThat(query(uniqueIdNumber(), Map.of()).statusCode()).as("the fault applied to one query only").isEqualTo(200);
    }

    @Test
    void failsTheNextQueriesThenAnswersAgain() throws Exception {
        send("PUT", "/sim/v1/bureau/fault", "{\"mode\":\"FAIL\",\"times\":2}", Map.of(), Duration.ofSeconds(5));
        String idNumber = uniqueIdNumber();

        HttpResponse<String> first = query(idNumber, Map.of());
        HttpResponse<String> second = query(idNumber, Map.of());
        HttpResponse<String> third = query(idNumber, Map.of());

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).contains("urn:lendflow:problem:bureau-down");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedAnswerIsNotAReport() throws Exception {
        HttpResponse<String> malformed = query(uniqueIdNumber(), Map.of("X-Sim-Fault", "MALFORMED"));
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(malformed.body())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void refusesUntilCleared() throws Exception {
        send("PUT", "/sim/v1/bureau/fault", "{\"mode\":\"REFUSE\"}", Map.of(), Duration.ofSeconds(5));
        assertThat(query(uniqueIdNumber(), Map.of()).statusCode()).isEqualTo(403);
        assertThat(query(uniqueIdNumber(), Map.of()).statusCode()).isEqualTo(403);
        send("DELETE", "/sim/v1/bureau/fault", null, Map.of(), Duration.ofSeconds(5));
        assertThat(query(uniqueIdNumber(), Map.of()).statusCode()).isEqualTo(200);
    }

    private static String uniqueIdNumber() {
        return "1101011990" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    private HttpResponse<String> query(String idNumber, Map<String, String> headers) throws Exception {
        return send("POST", "/sim/v1/bureau/reports", request(idNumber), headers, Duration.ofSeconds(10));
    }

    private static String request(String idNumber) {
        return """
                {"name":"张三","idNumber":"%s","mobile":"13812345678","authorisationReference":"%s",
                 "authorisationSha256":"%s","queryReason":"CREDIT_APPROVAL"}"""
                .formatted(idNumber, UUID.randomUUID(), "a".repeat(64));
    }

    private HttpResponse<String> send(String method, String path, String json, Map<String, String> headers,
                                      Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path)).timeout(timeout);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
