package com.lendflow.reconciliation.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.reconciliation.ReconciliationIntegrationTest;
import com.lendflow.reconciliation.SourceStub;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ops take up and resolve breaks, read the daily report, and only finance, supervisors and admins may. */
class BreakOpsTest extends ReconciliationIntegrationTest {

    private static final LocalDate DAY = LocalDate.of(2025, 5, 6);

    private List<JsonNode> dayWithTwoBreaks() {
        if (runs(DAY, "CHANNEL").isEmpty()) {
            payment(DAY, "rq-ops1", "COLLECTION", "rp-ops1", "500.00", "SUCCEEDED", at(DAY, 10, 0, 0), "partner-cfc-b");
            channel(DAY, "rq-ops1", "COLLECTION", "500.50", "SUCCESS", at(DAY, 10, 0, 0));
            payment(DAY, "rq-ops2", "COLLECTION", "rp-ops2", "42.00", "SUCCEEDED", at(DAY, 11, 0, 0), "partner-cfc-b");
            payment(DAY, "rq-ops3", "PAYOUT", "dd-ops3", "1200.00", "SUCCEEDED", at(DAY, 12, 0, 0), "partner-cfc-b");
            channel(DAY, "rq-ops3", "PAYOUT", "1200.00", "SUCCESS", at(DAY, 12, 0, 0));
            start(DAY, "CHANNEL");
        }
        awaitRuns(DAY, "CHANNEL", finished(1));
        return breaksOf(DAY);
    }

    private JsonNode breakOf(String reference) {
        return dayWithTwoBreaks().stream().filter(b -> b.get("reference").asString().equals(reference)).findFirst().orElseThrow();
    }

    @Test
    void resolvingWithALedgerAdjustmentBooksItOnceThroughCoreLedgerAndKeepsTheHistory() {
        String id = breakOf("rq-ops1").get("id").asString();

        HttpResponse<String> investigating = finance().postJson("/ops/v1/reconciliation/breaks/" + id + "/investigate",
                "{\"reason\":\"asking the channel for the slip\"}");
        assertThat(investigating.statusCode()).as(investigating.body()).isEqualTo(200);
        HttpResponse<String> resolved = staff("supervisor-sam", "OPS_SUPERVISOR").postJson(
                "/ops/v1/reconciliation/breaks/" + id + "/resolve",
                "{\"resolution\":\"ADJUSTED_LEDGER\",\"reason\":\"the channel collected 0.50 more; booked to differences\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(json(resolved).get("state").asString()).isEqualTo("RESOLVED");
        assertThat(json(resolved).get("journalEntryId").asString()).startsWith("je-");

        List<String> booked = SourceStub.adjustmentsFor(id);
        assertThat(booked).hasSize(1);
        JsonNode adjustment = JSON.readTree(booked.getFirst());
        assertThat(adjustment.get("kind").asString()).isEqualTo("ADJUSTED_LEDGER");
        assertThat(adjustment.get("amount").asString()).isEqualTo("0.50");
        assertThat(adjustment.get("direction").asString()).isEqualTo("GAIN");
        assertThat(adjustment.get("fundingPartnerId").asString()).isEqualTo("partner-cfc-b");
        assertThat(adjustment.get("resolvedBy").asString()).isEqualTo("supervisor-sam");

        HttpResponse<String> again = finance().postJson("/ops/v1/reconciliation/breaks/" + id + "/resolve",
                "{\"resolution\":\"WRITTEN_OFF\",\"reason\":\"twice\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(SourceStub.adjustmentsFor(id)).hasSize(1);

        JsonNode history = json(finance().get("/ops/v1/reconciliation/breaks/" + id)).get("history");
        assertThat(history).extracting(h -> h.get("to").asString()).containsExactly("OPEN", "INVESTIGATING", "RESOLVED");
        assertThat(history).extracting(h -> h.get("by").asString())
                .containsExactly("reconciliation-service", "finance-amy", "supervisor-sam");
        assertThat(history.get(2).get("resolution").asString()).isEqualTo("ADJUSTED_LEDGER");

        // A false alarm changes no money: the ledger is not called.
        String other = breakOf("rq-ops2").get("id").asString();
        HttpResponse<String> falseAlarm = finance().postJson("/ops/v1/reconciliation/breaks/" + other + "/resolve",
                "{\"resolution\":\"FALSE_ALARM\",\"reason\":\"test collection, reversed at the bank\"}");
        assertThat(falseAlarm.statusCode()).as(falseAlarm.body()).isEqualTo(200);
        assertThat(SourceStub.adjustmentsFor(other)).isEmpty();
    }

    @Test
    void theDailyReportReadsAsCsvAndAsAPage() {
        dayWithTwoBreaks();
        HttpResponse<String> csv = finance().get("/ops/v1/reconciliation/reports/" + DAY + ".csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("RUN,CHANNEL,simpay,FINISHED,3,1742.00,2,1700.50,1,2,0")
                .contains(",CHANNEL,simpay,rq-ops1,AMOUNT_MISMATCH,").contains(",CHANNEL,simpay,rq-ops2,MISSING_ON_THEIR_SIDE,");

        HttpResponse<String> html = finance().with("Accept", "text/html").get("/ops/v1/reconciliation/reports/" + DAY);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("<h1>Reconciliation report for " + DAY + "</h1>").contains("1742.00")
                .contains("1700.50").contains("<td>rq-ops1</td>").contains("<td>AMOUNT_MISMATCH</td>");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        HttpResponse<String> noDate = finance().postJson("/ops/v1/reconciliation/runs", "{\"reconciliation\":\"CHANNELS\"}");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(fields(noDate)).containsExactlyInAnyOrder("businessDate", "reconciliation", "reason");

        HttpResponse<String> future = finance().postJson("/ops/v1/reconciliation/runs",
                "{\"businessDate\":\"2999-01-01\",\"reason\":\"too early\"}");
        assertThat(fields(future)).containsExactly("businessDate");

        HttpResponse<String> filter = finance().get("/ops/v1/reconciliation/breaks?minAmount=abc&class=LOST");
        assertThat(filter.statusCode()).isEqualTo(400);
        assertThat(fields(filter)).containsExactlyInAnyOrder("minAmount", "class");

        String id = java.util.UUID.randomUUID().toString();
        HttpResponse<String> resolution = finance().postJson("/ops/v1/reconciliation/breaks/" + id + "/resolve",
                "{\"resolution\":\"MAGIC\",\"reason\":\"\"}");
        assertThat(resolution.statusCode()).isEqualTo(400);
        assertThat(fields(resolution)).containsExactlyInAnyOrder("resolution", "reason");
    }

    @Test
    void onlyFinanceSupervisorsAndAdminsWorkWithReconciliation() {
        var agent = staff("agent-ann", "OPS_AGENT");
        assertThat(agent.get("/ops/v1/reconciliation/breaks").statusCode()).isEqualTo(403);
        assertThat(agent.get("/ops/v1/reconciliation/runs").statusCode()).isEqualTo(403);
        assertThat(agent.get("/ops/v1/reconciliation/reports/" + DAY + ".csv").statusCode()).isEqualTo(403);
        assertThat(agent.postJson("/ops/v1/reconciliation/runs", "{\"businessDate\":\"%s\",\"reason\":\"x\"}".formatted(DAY))
                .statusCode()).isEqualTo(403);
        assertThat(finance().get("/ops/v1/reconciliation/breaks").statusCode()).isEqualTo(200);
        assertThat(staff("admin-ada", "ADMIN").get("/ops/v1/reconciliation/runs").statusCode()).isEqualTo(200);
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).get("errors").valueStream().map(v -> v.get("field").asString()).toList();
    }
}
