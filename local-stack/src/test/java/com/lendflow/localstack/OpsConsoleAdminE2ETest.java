package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ops console's dashboard, configuration tables and personal-data pages end to end in a real
 * headless Chromium ({@code ops-console/e2e/admin.e2e.mjs}, playwright-core with Debian's
 * {@code chromium}) against the shared stack's gateway: a supervisor reads the dashboard with
 * today's loan on it, sees the review queue's total, is refused a rule change, finds a borrower by
 * mobile (masked) and reveals them with a stated purpose; an administrator changes a rule (a bad
 * weight refused next to the field), sees the change on its audit trail and puts it back. Then the
 * services are asked whether they hold what the browser did. Screenshots go to
 * {@code ops-console/target/e2e-screenshots/admin}.
 */
class OpsConsoleAdminE2ETest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final String app = "Bearer " + SharedStack.clientToken("app-backend");

    @Test
    void aSupervisorReadsTheDashboardAndRevealsWithAPurposeAndAnAdministratorChangesARuleOnTheRecord() throws Exception {
        ConsoleBrowser.required();

        // Something lent today, so the dashboard has a bar to draw, and a borrower to find and reveal.
        RepaymentJourneyTest.Borrower borrower = RepaymentJourneyTest.borrowerWithLoan(app, "孙小梅");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String reason = "e2e " + run + ": fewer points for this signal";
        String purpose = "e2e " + run + ": the customer disputes the registered mobile";

        String output = ConsoleBrowser.run("e2e/admin.e2e.mjs", "target/e2e-screenshots/admin", Duration.ofSeconds(120),
                Map.of("E2E_CUSTOMER_ID", borrower.customerId(),
                        "E2E_CUSTOMER_MOBILE", borrower.mobile(),
                        "E2E_REASON", reason,
                        "E2E_PURPOSE", purpose));

        Map<String, String> supervisor = Map.of("Authorization", "Bearer " + SharedStack.staffToken("supervisor"));

        // The dashboard's bar for today is what core-ledger holds for today.
        Matcher dashboard = Pattern.compile("DASHBOARD (\\S+) ¥([0-9,]+\\.\\d{2})").matcher(output);
        assertThat(dashboard.find()).as(output).isTrue();
        JsonNode today = json(SharedStack.get("/ops/v1/loans/portfolio?from=" + dashboard.group(1) + "&to=" + dashboard.group(1),
                supervisor)).get("days").get(0);
        assertThat(today.get("disbursed").asString()).isEqualTo(dashboard.group(2).replace(",", ""));
        assertThat(today.get("loansOpened").asLong()).isPositive();

        // The reveal is on loan-order's record with the purpose typed in the browser, by the supervisor.
        JsonNode reveals = json(SharedStack.get("/ops/v1/loan-order-service/audit?action=customer.reveal&subjectId="
                + borrower.customerId(), supervisor)).get("records");
        assertThat(reveals.size()).isEqualTo(1);
        assertThat(reveals.get(0).get("actor").asString()).isEqualTo("supervisor");
        assertThat(reveals.get(0).get("reason").asString()).isEqualTo(purpose);
        assertThat(reveals.toString()).doesNotContain(borrower.mobile());

        // The rule: changed once by the administrator with the reason given, put back, never by the supervisor.
        Matcher rule = Pattern.compile("RULE (\\S+) (\\d+) (\\d+)").matcher(output);
        assertThat(rule.find()).as(output).isTrue();
        String code = rule.group(1);
        JsonNode changes = json(SharedStack.get("/ops/v1/antifraud-service/audit?action=rule.change&subjectId=" + code,
                supervisor)).get("records");
        JsonNode change = null;
        for (JsonNode record : changes) {
            assertThat(record.get("reason").asString()).as("a refused change left no record").isNotEqualTo(reason + " (refused)");
            if (reason.equals(record.get("reason").asString())) {
                change = record;
            }
        }
        assertThat(change).as(changes.toString()).isNotNull();
        assertThat(change.get("actor").asString()).isEqualTo("admin");
        assertThat(change.get("before").get("weight").asInt()).isEqualTo(Integer.parseInt(rule.group(2)));
        assertThat(change.get("after").get("weight").asInt()).isEqualTo(Integer.parseInt(rule.group(3)));
        assertThat(changes.get(0).get("reason").asString()).isEqualTo(reason + " (put back)");
        assertThat(json(SharedStack.get("/ops/v1/antifraud/rules/" + code, supervisor)).get("weight").asInt())
                .isEqualTo(Integer.parseInt(rule.group(2)));

        try (var files = Files.list(ConsoleBrowser.CONSOLE.resolve("target/e2e-screenshots/admin"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .contains("01-dashboard.png", "02-review-queue-total.png", "03-config-rule-refused.png",
                            "04-customer-search.png", "05-customer-revealed.png", "06-config-rule-field-error.png",
                            "07-config-rule-changed-audited.png", "08-config-grade-table.png", "09-config-partners.png",
                            "10-config-coupons.png");
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
