package com.lendflow.creditdecision.gradetable;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.creditdecision.CreditDecisionIntegrationTest;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GradeTableOpsTest extends CreditDecisionIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired Environment environment;
    @Autowired JsonMapper json;

    int port;
    HttpProbe ops;
    String analyst = TestTokens.staff("analyst-chen", "RISK_ANALYST");
    String agent = TestTokens.staff("agent-li", "OPS_AGENT");
    String admin = TestTokens.staff("admin-zhao", "ADMIN");

    @BeforeEach
    void setUp() {
        port = environment.getRequiredProperty("local.server.port", Integer.class);
        ops = HttpProbe.localhost(port);
    }

    /** Grade A stays as seeded in every version the tests write, so decisions elsewhere keep their figures. */
    private static String tableWithGradeERate(int basedOn, String rateE) {
        return """
                {"basedOnVersion":%d,"reason":"E-grade losses below plan in 2026 Q3","grades":[
                 {"grade":"A","minLimit":"20000.00","maxLimit":"100000.00","annualRate":"0.073"},
                 {"grade":"B","minLimit":"10000.00","maxLimit":"50000.00","annualRate":"0.105"},
                 {"grade":"C","minLimit":"5000.00","maxLimit":"30000.00","annualRate":"0.145"},
                 {"grade":"D","minLimit":"2000.00","maxLimit":"15000.00","annualRate":"0.189"},
                 {"grade":"E","minLimit":"1000.00","maxLimit":"5000.00","annualRate":"%s"}]}"""
                .formatted(basedOn, rateE);
    }

    private JsonNode current(String token) {
        HttpResponse<String> response = ops.bearer(token).get("/ops/v1/credit-decision/grade-table");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void everyoneOnOpsReadsTheGradeTableAndTheScorecard() {
        JsonNode table = current(agent);
        assertThat(table.get("grades")).hasSize(5);
        assertThat(table.get("grades").get(0).get("grade").asString()).isEqualTo("A");
        assertThat(table.get("grades").get(0).get("maxLimit").asString()).isEqualTo("100000.00");

        JsonNode first = json.readTree(ops.bearer(agent).get("/ops/v1/credit-decision/grade-table?version=1").body());
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("grades").get(4).get("annualRate").asString()).isEqualTo("0.239");
        assertThat(ops.bearer(agent).get("/ops/v1/credit-decision/grade-table?version=9999").statusCode()).isEqualTo(404);

        HttpResponse<String> scorecard = ops.bearer(agent).get("/ops/v1/credit-decision/scorecard");
        assertThat(scorecard.statusCode()).as(scorecard.body()).isEqualTo(200);
        JsonNode card = json.readTree(scorecard.body());
        assertThat(card.get("version").asInt()).isEqualTo(1);
        assertThat(card.get("maxScore").asInt()).isEqualTo(230);
        assertThat(card.get("knockouts").toString()).contains("BUREAU_SERIOUS_DELINQUENCY");
        assertThat(card.get("bands").get(0).get("grade").asString()).isEqualTo("A");
        assertThat(card.get("bands").get(0).get("upTo").asInt()).isEqualTo(230);
    }

    @Test
    void aChangeAddsAnAuditedVersion() {
        int before = current(analyst).get("version").asInt();

        HttpResponse<String> changed = put(analyst, tableWithGradeERate(before, "0.229"));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode after = json.readTree(changed.body());
        assertThat(after.get("version").asInt()).isEqualTo(before + 1);
        assertThat(after.get("createdBy").asString()).isEqualTo("analyst-chen");
        assertThat(after.get("grades").get(4).get("annualRate").asString()).isEqualTo("0.229");
        assertThat(current(agent).get("version").asInt()).isEqualTo(before + 1);
        JsonNode old = json.readTree(ops.bearer(agent).get("/ops/v1/credit-decision/grade-table?version=" + before).body());
        assertThat(old.get("version").asInt()).as("older versions stay readable").isEqualTo(before);

        JsonNode record = json.readTree(ops.bearer(admin)
                .get("/ops/v1/audit?action=grade-table.change&subjectId=" + (before + 1)).body()).get("records").get(0);
        assertThat(record.get("actor").asString()).isEqualTo("analyst-chen");
        assertThat(record.get("before").get("version").asInt()).isEqualTo(before);
        assertThat(record.get("after").get("grades").get(4).get("annualRate").asString()).isEqualTo("0.229");
        assertThat(record.get("reason").asString()).isEqualTo("E-grade losses below plan in 2026 Q3");
        assertThat(record.get("occurredAt").asString()).isNotBlank();
    }

    @Test
    void aRateAboveTheLegalCapIsRefusedNamingTheField() {
        int version = current(analyst).get("version").asInt();

        HttpResponse<String> refused = put(analyst, tableWithGradeERate(version, "0.25"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("grades[4].annualRate").contains("legal-cap");
        assertThat(current(analyst).get("version").asInt()).as("nothing stored").isEqualTo(version);
    }

    @Test
    void aMaximumBelowTheMinimumOrAMissingGradeIsRefused() {
        int version = current(analyst).get("version").asInt();

        HttpResponse<String> inverted = put(analyst, tableWithGradeERate(version, "0.2")
                .replace("\"minLimit\":\"2000.00\",\"maxLimit\":\"15000.00\"", "\"minLimit\":\"20000.00\",\"maxLimit\":\"15000.00\""));
        HttpResponse<String> missing = put(analyst, """
                {"basedOnVersion":%d,"reason":"only A","grades":[
                 {"grade":"A","minLimit":"20000.00","maxLimit":"100000.00","annualRate":"0.073"}]}""".formatted(version));
        HttpResponse<String> notHundreds = put(analyst, tableWithGradeERate(version, "0.2").replace("5000.00\",\"annualRate\":\"0.2",
                "5050.00\",\"annualRate\":\"0.2"));

        assertThat(inverted.statusCode()).isEqualTo(400);
        assertThat(inverted.body()).contains("grades[3].maxLimit");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("all-grades").contains("grade E is missing");
        assertThat(notHundreds.statusCode()).isEqualTo(400);
        assertThat(notHundreds.body()).contains("grades[4].maxLimit").contains("multiple-of-100");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsAConflict() {
        int version = current(analyst).get("version").asInt();
        assertThat(put(analyst, tableWithGradeERate(version - 1, "0.22")).statusCode()).isEqualTo(409);
    }

    @Test
    void onlyRiskAnalystsAndAdministratorsChangeIt() {
        int version = current(agent).get("version").asInt();

        assertThat(put(agent, tableWithGradeERate(version, "0.229")).statusCode()).isEqualTo(403);
        assertThat(put(TestTokens.staff("sup-wang", "OPS_SUPERVISOR"), tableWithGradeERate(version, "0.229")).statusCode())
                .isEqualTo(403);
        assertThat(current(agent).get("version").asInt()).isEqualTo(version);
    }

    private HttpResponse<String> put(String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ops/v1/credit-decision/grade-table"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
