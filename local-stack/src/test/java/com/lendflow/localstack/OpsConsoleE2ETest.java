package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

    static final Path CONSOLE = Path.of("..", "ops-console").toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of(System.getProperty("lendflow.test.chromium", "/usr/bin/chromium"));
    static final Duration JOURNEY = Duration.ofSeconds(90);

    final String app = "Bearer " + SharedStack.clientToken("app-backend");

    @Test
    void anAgentMayNotApproveAReviewAndAnAnalystApprovesItAndSeesTheSagaComplete() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the console's end-to-end test needs Chromium at %s; install Debian's package with "
                        + "`apt-get update -qq && apt-get install -y -qq chromium` (.ci/run does this)", CHROMIUM)
                .isTrue();
        assertThat(CONSOLE.resolve("node_modules/playwright-core"))
                .as("playwright-core is missing: build the ops-console module first (it runs npm ci)").isDirectory();

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

        Path screenshots = CONSOLE.resolve("target/e2e-screenshots");
        Path log = Files.createTempFile("ops-console-e2e", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/console.e2e.mjs")
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().putAll(Map.of(
                "LENDFLOW_GATEWAY", SharedStack.gateway(),
                "E2E_APPLICATION_ID", applicant.applicationId(),
                "E2E_CUSTOMER_ID", applicant.customerId(),
                "E2E_CUSTOMER_MOBILE", applicant.mobile(),
                "E2E_LOAN_ID", borrower.loanId(),
                "E2E_SCREENSHOTS", screenshots.toString(),
                "CHROMIUM", CHROMIUM.toString()));
        Process run = node.start();
        boolean finished = run.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(finished).as("the browser run did not finish in 120 s:%n%s", output).isTrue();
        assertThat(run.exitValue()).as("the browser run failed:%n%s", output).isZero();
        assertThat(output).contains("E2E PASSED");

        // What the browser did is what the services hold: the application approved with the analyst's comment.
        assertThat(SharedStack.get("/api/v1/credit-applications/" + applicant.applicationId(),
                Map.of("Authorization", app, "X-Customer-Id", applicant.customerId())).body())
                .contains("\"state\":\"APPROVED\"");
        assertThat(SharedStack.get("/ops/v1/credit-applications/" + applicant.applicationId(),
                Map.of("Authorization", staff)).body()).contains("the hotspot is a cafe near their office");
        try (var files = Files.list(screenshots)) {
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
