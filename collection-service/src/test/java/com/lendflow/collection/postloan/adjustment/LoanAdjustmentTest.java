package com.lendflow.collection.postloan.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.collection.postloan.LedgerStub;
import com.lendflow.collection.postloan.PostLoanIntegrationTest;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.AdjustLoan;
import com.lendflow.contracts.ledger.LoanAdjusted;
import com.lendflow.testsupport.HttpProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LoanAdjustmentTest extends PostLoanIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anExtensionIsAppliedOnlyAfterASupervisorOtherThanTheMakerApprovesIt() {
        UUID loan = LedgerStub.loan(UUID.randomUUID(), "ACTIVE", 12);
        HttpProbe agent = staff("agent.li", "OPS_AGENT");
        HttpProbe supervisor = staff("sup.wang", "OPS_SUPERVISOR");

        JsonNode requested = ok(agent.postJson("/ops/v1/loan-adjustments", """
                {"loanId":"%s","kind":"EXTENSION","extraPeriods":3,"reason":"lost job, new one from next month"}"""
                .formatted(loan)), 201);
        String id = requested.get("id").asString();
        assertThat(requested.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(requested.get("maker").asString()).isEqualTo("agent.li");
        assertThat(requested.get("daysPastDue").asInt()).isEqualTo(12);

        HttpResponse<String> byAgent = agent.postJson("/ops/v1/loan-adjustments/" + id + "/approve", """
                {"reason":"approving my own"}""");
        assertThat(byAgent.statusCode()).isEqualTo(403);

        JsonNode approved = ok(supervisor.postJson("/ops/v1/loan-adjustments/" + id + "/approve", """
                {"reason":"income proof checked"}"""), 200);
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("checker").asString()).isEqualTo("sup.wang");

        AdjustLoan command = awaitSent(Topics.CORE_LEDGER_COMMANDS, loan.toString(), AdjustLoan.TYPE, 1).getFirst();
        assertThat(command.requestId()).isEqualTo(id);
        assertThat(command.kind()).isEqualTo("EXTENSION");
        assertThat(command.extraPeriods()).isEqualTo(3);
        assertThat(command.makerId()).isEqualTo("agent.li");
        assertThat(command.checkerId()).isEqualTo("sup.wang");

        UUID journalEntry = UUID.randomUUID();
        send(Topics.CORE_LEDGER_LOAN, loan.toString(), LoanAdjusted.TYPE, new LoanAdjusted(id, loan,
                UUID.fromString(requested.get("customerId").asString()), "EXTENSION", 2, "850.00", journalEntry,
                LocalDate.now()));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> adjustment(supervisor, id).get("state").asString().equals("APPLIED"));

        JsonNode applied = adjustment(supervisor, id);
        assertThat(applied.get("scheduleVersion").asInt()).isEqualTo(2);
        assertThat(applied.get("journalEntryId").asString()).isEqualTo(journalEntry.toString());
        assertThat(applied.get("history").valueStream().map(step -> step.get("state").asString() + " by "
                + step.get("actor").asString()))
                .containsExactly("REQUESTED by agent.li", "APPROVED by sup.wang", "APPLIED by system");
        assertThat(sent(Topics.CORE_LEDGER_COMMANDS, loan.toString(), AdjustLoan.TYPE)).hasSize(1);
        JsonNode audit = ok(supervisor.get("/ops/v1/audit?subjectType=loan-adjustment&subjectId=" + id), 200);
        assertThat(audit.get("records").valueStream().map(r -> r.get("action").asString()))
                .containsExactlyInAnyOrder("loan-adjustment.request", "loan-adjustment.approve", "loan-adjustment.applied");
    }

    @Test
    void aSupervisorCannotApproveTheirOwnWaiver() {
        UUID loan = LedgerStub.loan(UUID.randomUUID(), "ACTIVE", 40);
        HttpProbe maker = staff("sup.zhao", "OPS_SUPERVISOR");

        String id = ok(maker.postJson("/ops/v1/loan-adjustments", """
                {"loanId":"%s","kind":"WAIVER","penalty":"35.20","reason":"hospital stay, penalty waived"}"""
                .formatted(loan)), 201).get("id").asString();
        HttpResponse<String> own = maker.postJson("/ops/v1/loan-adjustments/" + id + "/approve", """
                {"reason":"fine by me"}""");

        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(own.body()).get("type").asString()).isEqualTo("urn:lendflow:problem:maker-cannot-check");
        assertThat(JSON.readTree(own.body()).get("detail").asString()).contains("maker-checker");
        JsonNode after = adjustment(maker, id);
        assertThat(after.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(after.get("penalty").asString()).isEqualTo("35.20");
        assertThat(after.get("interest").asString()).isEqualTo("0.00");
        assertThat(sent(Topics.CORE_LEDGER_COMMANDS, loan.toString(), AdjustLoan.TYPE)).isEmpty();

        JsonNode rejected = ok(staff("sup.wang", "OPS_SUPERVISOR").postJson("/ops/v1/loan-adjustments/" + id + "/reject", """
                {"reason":"no hospital record attached"}"""), 200);
        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(sent(Topics.CORE_LEDGER_COMMANDS, loan.toString(), AdjustLoan.TYPE)).isEmpty();
    }

    @Test
    void aWriteOffBeforeTheConfiguredDaysPastDueIsRefused() {
        UUID loan = LedgerStub.loan(UUID.randomUUID(), "ACTIVE", 95);

        HttpResponse<String> early = staff("agent.li", "OPS_AGENT").postJson("/ops/v1/loan-adjustments", """
                {"loanId":"%s","kind":"WRITE_OFF","reason":"no contact for three months"}""".formatted(loan));

        assertThat(early.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(early.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:lendflow:problem:write-off-before-dpd");
        assertThat(problem.get("detail").asString()).contains("180 days past due").contains("is 95 days past due");
        assertThat(adjustmentsOf(loan).size()).isZero();
    }

    @Test
    void aRequestWithoutAReasonOrWithoutExtraPeriodsNamesTheFieldAndChangesNothing() {
        UUID loan = LedgerStub.loan(UUID.randomUUID(), "ACTIVE", 5);
        HttpProbe agent = staff("agent.li", "OPS_AGENT");

        HttpResponse<String> noReason = agent.postJson("/ops/v1/loan-adjustments", """
                {"loanId":"%s","kind":"EXTENSION","extraPeriods":2}""".formatted(loan));
        HttpResponse<String> noPeriods = agent.postJson("/ops/v1/loan-adjustments", """
                {"loanId":"%s","kind":"EXTENSION","extraPeriods":0,"reason":"short of cash"}""".formatted(loan));

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(noPeriods.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(noPeriods.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("extraPeriods");
        assertThat(error.get("message").asString()).contains("between 1 and 12");
        assertThat(adjustmentsOf(loan).size()).isZero();
    }

    private JsonNode adjustmentsOf(UUID loan) {
        return ok(staff("sup.wang", "OPS_SUPERVISOR").get("/ops/v1/loan-adjustments?loanId=" + loan), 200);
    }

    private static JsonNode adjustment(HttpProbe probe, String id) {
        return ok(probe.get("/ops/v1/loan-adjustments/" + id), 200);
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
