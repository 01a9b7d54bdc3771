package com.lendflow.collection.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.collection.CollectionIntegrationTest;
import com.lendflow.collection.LendflowStub;
import com.lendflow.collection.TestClock;
import com.lendflow.testsupport.HttpProbe;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The contact rules collection enforces, whoever makes the contact: quiet hours, a daily cap, the borrower only. */
class ComplianceTest extends CollectionIntegrationTest {

    @Test
    void inQuietHoursTheSmsWaitsForMorningAndAgentsMayNotCall() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("孙八");
        LocalDate day1 = LocalDate.of(2005, 6, 1);
        overdue(borrower, UUID.randomUUID(), 1, day1, "300.00", "30.00", 1);
        String caseId = caseOf(borrower.customerId(), c -> true).path("id").asString();

        TestClock.setShanghai(LocalDateTime.of(2026, 6, 1, 22, 30));
        runFor(day1);
        JsonNode waiting = detail(caseId).path("actions").get(0);
        assertThat(waiting.path("state").asString()).isEqualTo("DEFERRED");
        assertThat(waiting.path("notBefore").asString()).isEqualTo("2026-06-02T00:00:00Z");
        assertThat(smsTo(borrower.mobile())).isEmpty();

        HttpResponse<String> lateCall = agent("agent-sun").postJson("/ops/v1/collection/cases/" + caseId + "/contacts",
                call(borrower.mobile()));
        assertThat(lateCall.statusCode()).as(lateCall.body()).isEqualTo(422);
        assertThat(lateCall.body()).contains("quiet-hours");

        TestClock.setShanghai(LocalDateTime.of(2026, 6, 2, 8, 1));
        JsonNode sent = eventually(() -> detail(caseId).path("actions").get(0),
                a -> "DONE".equals(a.path("state").asString()), "the deferred SMS");
        assertThat(sent.path("outcome").asString()).isEqualTo("DELIVERED");
        assertThat(smsTo(borrower.mobile())).hasSize(1);
    }

    @Test
    void theDailyCapRefusesAThirdContact() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("周九");
        overdue(borrower, UUID.randomUUID(), 1, LocalDate.of(2007, 6, 1), "300.00", "30.00", 1);
        String caseId = caseOf(borrower.customerId(), c -> true).path("id").asString();
        HttpProbe agent = agent("agent-zhou");

        for (int contact = 1; contact <= 2; contact++) {
            HttpResponse<String> logged = agent.postJson("/ops/v1/collection/cases/" + caseId + "/contacts", call(borrower.mobile()));
            assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        }
        HttpResponse<String> third = agent.postJson("/ops/v1/collection/cases/" + caseId + "/contacts", call(borrower.mobile()));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(422);
        assertThat(third.body()).contains("contact-cap-reached");
        assertThat(detail(caseId).path("contacts")).hasSize(2);

        TestClock.setShanghai(LocalDateTime.of(2026, 6, 2, 9, 0));
        HttpResponse<String> nextDay = agent.postJson("/ops/v1/collection/cases/" + caseId + "/contacts", call(borrower.mobile()));
        assertThat(nextDay.statusCode()).as(nextDay.body()).isEqualTo(201);
    }

    @Test
    void contactsWithAnyoneButTheBorrowerOnTheirOwnMobileAreRefused() {
        LendflowStub.Borrower borrower = LendflowStub.borrower("吴十");
        overdue(borrower, UUID.randomUUID(), 1, LocalDate.of(2009, 6, 1), "300.00", "30.00", 1);
        String caseId = caseOf(borrower.customerId(), c -> true).path("id").asString();
        HttpProbe agent = agent("agent-wu");

        HttpResponse<String> relative = agent.postJson("/ops/v1/collection/cases/" + caseId + "/contacts", """
                {"party":"RELATIVE","mobile":"%s","outcome":"ANSWERED","note":"spoke to the mother"}"""
                .formatted(borrower.mobile()));
        assertThat(relative.statusCode()).isEqualTo(400);
        assertThat(relative.body()).contains("\"field\":\"party\"");

        HttpResponse<String> otherMobile = agent.postJson("/ops/v1/collection/cases/" + caseId + "/contacts",
                call("13700000000"));
        assertThat(otherMobile.statusCode()).isEqualTo(400);
        assertThat(otherMobile.body()).contains("\"field\":\"mobile\"", "borrower-own-mobile");

        assertThat(detail(caseId).path("contacts")).isEmpty();
    }

    private HttpProbe agent(String username) {
        return staff(username, "OPS_AGENT");
    }

    static String call(String mobile) {
        return """
                {"party":"BORROWER","mobile":"%s","outcome":"ANSWERED","note":"reminded of the overdue installment"}"""
                .formatted(mobile);
    }
}
