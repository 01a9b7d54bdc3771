package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The ops console end to end in a real headless Chromium (Debian's {@code chromium} package, driven
 * by playwright-core from {@code ops-console/e2e/console.e2e.mjs}) against the shared stack's
 * gateway: an agent is refused a review approval and reads a loan; a risk analyst finds an
 * application under review, approves it and watches the saga complete. Screenshots of each page
 * go to {@code ops-console/target/e2e-screenshots}.
 */
class OpsConsoleE2ETest {

    static final Duration JOURNEY = Duration.ofSeconds(90);

    final String app = "Bearer " + SharedStack.clientToken("app-backend");

    @Test
    void anAgentMayNotApproveAReviewAndAnAnalystApprovesItAndSeesTheSagaComplete() throws Exception {
        ConsoleBrowser.required();

        // A borrower whose first installment is paid, for the loan page; an applicant held for manual review.
        RepaymentJourneyTest.Borrower borrower = RepaymentJourneyTest.borrowerWithLoan(app, "郑小红");
        HttpResponse<String> repaid = SharedStack.postJson("/api/v1/loans/" + borrower.loanId() + "/repayments",
                "{\"mode\":\"CURRENT_INSTALLMENT\"}", DrawdownJourneyTest.with(borrower.asCustomer(), "Idempotency-Key",
                        UUID.randomUUID().toString()));
        assertThat(repaid.statusCode()).as(repaid.body()).isEqualTo(202);
        Applicant applicant = underReview();
        String staff = "Bearer " + SharedStack.staffToken("supervisor");
        Awaitility.await().atMost(JOURNEY).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(SharedStack.get("/ops/v1/loans/" + borrower.loanId() + "/statement",
                        Map.of("Authorization", staff)).body()).containsPattern("\"period\":1,[^{}]*\"state\":\"PAID\""));

        ConsoleBrowser.run("e2e/console.e2e.mjs", "target/e2e-screenshots", Duration.ofSeconds(120), Map.of(
                "E2E_APPLICATION_ID", applicant.applicationId(),
                "E2E_CUSTOMER_ID", applicant.customerId(),
                "E2E_CUSTOMER_MOBILE", applicant.mobile(),
                "E2E_LOAN_ID", borrower.loanId()));

        // What the browser did is what the services hold: the application approved with the analyst's comment.
        assertThat(SharedStack.get("/api/v1/credit-applications/" + applicant.applicationId(),
                Map.of("Authorization", app, "X-Customer-Id", applicant.customerId())).body())
                .contains("\"state\":\"APPROVED\"");
        assertThat(SharedStack.get("/ops/v1/credit-applications/" + applicant.applicationId(),
                Map.of("Authorization", staff)).body()).contains("the hotspot is a cafe near their office");
        try (var files = Files.list(ConsoleBrowser.CONSOLE.resolve("target/e2e-screenshots"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .contains("01-sign-in-refused.png", "02-agent-may-not-approve.png", "03-loan.png",
                            "04-applications-search.png", "05-application-under-review.png", "08-application-approved.png",
                            "10-customer.png");
        }
    }

    record Applicant(String customerId, String mobile, String applicationId) {
    }

    /** An application held for a person: it comes from a Wi-Fi network known from a fraud case. */
    Applicant underReview() {
        String mobile = Identities.mobile();
        String idNumber = Identities.idNumber();
        String customerId = DrawdownJourneyTest.idOf(SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"冯小兰\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}".formatted(mobile, idNumber),
                Map.of("Authorization", app, "Idempotency-Key", UUID.randomUUID().toString())), 201);
        String mac = "3c:22:fb:%02x:%02x:%02x".formatted((int) (Math.random() * 256), (int) (Math.random() * 256),
                (int) (Math.random() * 256));
        HttpResponse<String> listed = SharedStack.postJson("/ops/v1/antifraud/blacklist",
                "{\"kind\":\"WIFI_MAC\",\"value\":\"%s\",\"reason\":\"hotspot used in a fraud case\"}".formatted(mac),
                Map.of("Authorization", "Bearer " + SharedStack.staffToken("analyst")));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
        Map<String, String> asCustomer = Map.of("Authorization", app, "X-Customer-Id", customerId);
        String applicationId = DrawdownJourneyTest.idOf(SharedStack.postJson("/api/v1/credit-applications", """
                {"fullName":"冯小兰","mobile":"%s","idNumber":"%s",
                 "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                 "device":{"deviceId":"dev-%s","os":"Android","osVersion":"14","appVersion":"3.2.0","ip":"10.20.30.41",
                           "wifiSsid":"cafe","wifiMac":"%s","emulator":false,"rooted":false}}"""
                .formatted(mobile, idNumber, UUID.randomUUID(), mac),
                DrawdownJourneyTest.with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString())), 202);
        DrawdownJourneyTest.await("/api/v1/credit-applications/" + applicationId, asCustomer, "UNDER_REVIEW");
        return new Applicant(customerId, mobile, applicationId);
    }
}
