package com.lendflow.collection.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.collection.CollectionIntegrationTest;
import com.lendflow.collection.LendflowStub;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.BusinessDateChanged;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.KafkaProbe;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Agents working cases: queues by grade within capacity, the lock on a case, promises to pay. */
class AgentWorkTest extends CollectionIntegrationTest {

    @Test
    void caseGoesToAnAgentTakingItsGradeAndShowsInTheirWorklist() {
        String agentId = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = put("lead", "/ops/v1/collection/agents/" + agentId,
                "{\"displayName\":\"李催收\",\"grades\":[\"LOW\"],\"capacity\":2,\"reason\":\"new hire\"}", "OPS_SUPERVISOR");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

        LendflowStub.Borrower borrower = LendflowStub.borrower("郑一");
        LocalDate day10 = LocalDate.of(1995, 5, 10);
        overdue(borrower, UUID.randomUUID(), 1, day10, "800.00", "80.00", 10);
        String caseId = caseOf(borrower.customerId(), c -> true).path("id").asString();
        runFor(day10);

        JsonNode assigned = detail(caseId);
        assertThat(assigned.path("summary").path("agentId").asString()).isEqualTo(agentId);
        assertThat(assigned.path("summary").path("queue").asString()).isEqualTo("AGENT");
        assertThat(assigned.path("actions").get(0).path("outcome").asString()).isEqualTo("ASSIGNED");
        JsonNode worklist = json(staff(agentId, "OPS_AGENT").get("/ops/v1/collection/worklist"));
        assertThat(worklist.path("items")).extracting(c -> c.path("id").asString()).containsExactly(caseId);

        String full = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        put("lead", "/ops/v1/collection/agents/" + full, "{\"displayName\":\"满员\",\"grades\":[\"LOW\"],\"capacity\":0}",
                "OPS_SUPERVISOR");
        HttpResponse<String> toFull = supervisor().postJson("/ops/v1/collection/cases/" + caseId + "/assignment",
                "{\"agentId\":\"%s\",\"reason\":\"rebalancing\"}".formatted(full));
        assertThat(toFull.statusCode()).as(toFull.body()).isEqualTo(409);
        assertThat(toFull.body()).contains("agent-at-capacity");
    }

    @Test
    void aCaseOneAgentWorksIsLockedToOthersUntilReleased() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("冯二");
        overdue(borrower, UUID.randomUUID(), 1, LocalDate.of(2011, 6, 1), "300.00", "30.00", 1);
        String caseId = caseOf(borrower.customerId(), c -> true).path("id").asString();
        HttpProbe first = staff("agent-feng-1", "OPS_AGENT");
        HttpProbe second = staff("agent-feng-2", "OPS_AGENT");

        HttpResponse<String> taken = first.postJson("/ops/v1/collection/cases/" + caseId + "/lock", "");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(json(taken).path("holder").asString()).isEqualTo("agent-feng-1");

        HttpResponse<String> refused = second.postJson("/ops/v1/collection/cases/" + caseId + "/lock", "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("case-locked", "agent-feng-1");
        HttpResponse<String> contact = second.postJson("/ops/v1/collection/cases/" + caseId + "/contacts", """
                {"party":"BORROWER","mobile":"%s","outcome":"NO_ANSWER"}""".formatted(borrower.mobile()));
        assertThat(contact.statusCode()).isEqualTo(409);

        assertThat(first.postJson("/ops/v1/collection/cases/" + caseId + "/lock/release", "").statusCode()).isEqualTo(204);
        assertThat(second.postJson("/ops/v1/collection/cases/" + caseId + "/lock", "").statusCode()).isEqualTo(200);
    }

    @Test
    void aPromiseWhoseDatePassesUnpaidIsBrokenAndRaisesTheGrade() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("陈三");
        LocalDate day1 = LocalDate.of(2030, 3, 1);
        overdue(borrower, UUID.randomUUID(), 1, day1, "300.00", "30.00", 1);
        String caseId = caseOf(borrower.customerId(), c -> true).path("id").asString();
        assertThat(detail(caseId).path("summary").path("grade").asString()).isEqualTo("LOW");
        endOfDay(day1.minusDays(1), day1);

        // No number in the request: the dialler called the mobile on record, which the agent never saw whole.
        HttpResponse<String> promised = staff("agent-chen", "OPS_AGENT").postJson(
                "/ops/v1/collection/cases/" + caseId + "/contacts", """
                {"party":"BORROWER","outcome":"PROMISED_TO_PAY","note":"will pay on Monday",
                 "promise":{"date":"%s","amount":"330.00"}}""".formatted(day1.plusDays(2)));
        assertThat(promised.statusCode()).as(promised.body()).isEqualTo(201);
        String mobile = borrower.mobile();
        assertThat(json(promised).path("mobile").asString())
                .isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        assertThat(promised.body()).doesNotContain(mobile);

        endOfDay(day1.plusDays(2), day1.plusDays(3));
        JsonNode after = detail(caseId);
        assertThat(after.path("promises").get(0).path("state").asString()).isEqualTo("BROKEN");
        assertThat(after.path("summary").path("brokenPromises").asInt()).isEqualTo(1);
        assertThat(after.path("summary").path("grade").asString()).isEqualTo("MEDIUM");
    }

    /** core-ledger's end of day moves the business date; collection's run for it starts from that. */
    private void endOfDay(LocalDate closed, LocalDate next) {
        KafkaProbe.send(Topics.CORE_LEDGER_BUSINESS_DAY, closed.toString(), codec.encode(codec.wrap(BusinessDateChanged.TYPE,
                closed.toString(), new BusinessDateChanged(closed, next), UUID.randomUUID(), UUID.randomUUID(), null,
                Instant.now())));
        HttpProbe ops = supervisor();
        eventually(() -> ops.get("/ops/v1/collection/runs/" + next),
                r -> r.statusCode() == 200 && json(r).path("state").asString().equals("FINISHED"), "the run for " + next);
    }
}
