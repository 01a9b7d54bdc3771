package com.lendflow.collection;

import com.lendflow.collection.postloan.LedgerStub;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.LoanBucketChanged;
import com.lendflow.contracts.ledger.LoanOverdue;
import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.platform.web.ServiceApplication;
import com.lendflow.simulator.PartnerSimulatorApplication;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * collection-service on the shared PostgreSQL and Kafka, texting and calling through the real
 * partner simulator (started once per test JVM on a random port), reading borrowers' contacts and
 * loans' statements from a stand-in of loan-order and core-ledger, on a clock the tests set. Every
 * test class extends this one, so they share one Spring context. The worker polls every 100 ms;
 * the rest is the production configuration.
 *
 * <p>A daily run acts on every open case opened by its date, so each test works in business dates
 * of its own (a year of its own) and looks only at its own customers.
 */
@ServiceIntegrationTest(database = "lendflow_collection")
@Import(TestClock.Config.class)
@TestPropertySource(properties = "lendflow.collection.worker.poll-interval=100ms")
public abstract class CollectionIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext simulator;

    @LocalServerPort
    protected int port;

    @Autowired
    protected EnvelopeCodec codec;

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry properties) {
        properties.add("lendflow.collection.partners.sms-base-url", CollectionIntegrationTest::simulatorUrl);
        properties.add("lendflow.collection.partners.voice-base-url", CollectionIntegrationTest::simulatorUrl);
        properties.add("lendflow.collection.services.loan-order", LendflowStub::url);
        properties.add("lendflow.collection.services.core-ledger", LendflowStub::url);
        properties.add("lendflow.collection.post-loan.ledger.base-url", LedgerStub::url);
        properties.add("spring.security.oauth2.client.provider.lendflow-internal.token-uri",
                () -> LendflowStub.url() + "/oauth2/token");
    }

    @BeforeEach
    void daytime() {
        TestClock.setShanghai(LocalDateTime.of(2026, 6, 1, 10, 0));
        LendflowStub.coreLedgerDown(false);
    }

    public static synchronized String simulatorUrl() {
        if (simulator == null) {
            // On its own thread: the test's main-method hook is per thread, and would otherwise take the
            // simulator for the service under test when this runs while the service's context starts.
            ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
            Thread starter = Thread.ofPlatform().name("partner-simulator-start").start(() -> started[0] =
                    ServiceApplication.run(PartnerSimulatorApplication.class, PartnerSimulatorApplication.NAME,
                            "--server.port=0"));
            try {
                starter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (started[0] == null) {
                throw new IllegalStateException("the partner simulator did not start; see the log above");
            }
            simulator = started[0];
        }
        return "http://localhost:" + simulator.getEnvironment().getRequiredProperty("local.server.port");
    }

    // --- staff over HTTP -------------------------------------------------------------------------

    protected HttpProbe staff(String username, String... roles) {
        return HttpProbe.localhost(port).bearer(TestTokens.staff(username, roles));
    }

    protected HttpProbe supervisor() {
        return staff("supervisor-" + UUID.randomUUID().toString().substring(0, 8), "OPS_SUPERVISOR");
    }

    protected HttpResponse<String> put(String username, String path, String json, String... roles) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.staff(username, roles))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The customer's case as search shows it, once it exists (and {@code until} holds). */
    protected JsonNode caseOf(UUID customerId, Predicate<JsonNode> until) {
        return eventually(() -> {
            HttpResponse<String> found = supervisor().get("/ops/v1/collection/cases?customerId=" + customerId);
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            JsonNode items = json(found).get("items");
            return items.isEmpty() ? null : items.get(0);
        }, c -> c != null && until.test(c), "the case of customer " + customerId);
    }

    protected JsonNode detail(Object caseId) {
        HttpResponse<String> found = supervisor().get("/ops/v1/collection/cases/" + caseId);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return json(found);
    }

    /** Starts the daily run for {@code date} as ops would and waits for it to finish. */
    protected JsonNode runFor(LocalDate date) {
        HttpProbe ops = supervisor();
        HttpResponse<String> started = ops.postJson("/ops/v1/collection/runs",
                "{\"businessDate\":\"%s\",\"reason\":\"test run\"}".formatted(date));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return eventually(() -> json(ops.get("/ops/v1/collection/runs/" + date)),
                run -> "FINISHED".equals(run.path("state").asString()), "the run for " + date);
    }

    // --- core-ledger's facts on Kafka ------------------------------------------------------------

    protected void overdue(LendflowStub.Borrower borrower, UUID loanId, int period, LocalDate overdueOn, String principal,
                           String interest, int daysPastDue) {
        publish(LoanOverdue.TYPE, loanId, new LoanOverdue(loanId, borrower.customerId(), period, overdueOn.minusDays(daysPastDue),
                overdueOn, principal, interest, daysPastDue));
    }

    protected void bucketMoved(LendflowStub.Borrower borrower, UUID loanId, String from, String to, int daysPastDue,
                               LocalDate on) {
        publish(LoanBucketChanged.TYPE, loanId, new LoanBucketChanged(loanId, borrower.customerId(), from, to, daysPastDue, on));
    }

    protected void repaid(LendflowStub.Borrower borrower, UUID loanId, String amount, LocalDate on, boolean settled) {
        publish(RepaymentApplied.TYPE, loanId, new RepaymentApplied("rp-" + UUID.randomUUID(), loanId,
                borrower.customerId(), UUID.randomUUID(), settled ? "PAYOFF" : "REPAYMENT", amount, amount, on, settled));
    }

    protected void settled(LendflowStub.Borrower borrower, UUID loanId, LocalDate on) {
        publish(LoanSettled.TYPE, loanId, new LoanSettled(loanId, borrower.customerId(), on, "1000.00", "30.00", "5.00", "0.00"));
    }

    protected <T extends Record> void publish(MessageType<T> type, UUID loanId, T payload) {
        KafkaProbe.send(Topics.CORE_LEDGER_LOAN, loanId.toString(), codec.encode(codec.wrap(type, loanId.toString(), payload,
                UUID.randomUUID(), UUID.randomUUID(), null, Instant.now())));
    }

    // --- the partner simulator -------------------------------------------------------------------

    protected static JsonNode smsTo(String mobile) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(simulatorUrl() + "/sim/v1/sms?mobile=" + mobile))
                .GET().build()).body());
    }

    protected static JsonNode callsTo(String mobile) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(simulatorUrl() + "/sim/v1/voice/calls?mobile=" + mobile))
                .GET().build()).body());
    }

    // --- waiting ---------------------------------------------------------------------------------

    protected static <T> T eventually(Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("gave up waiting for " + what + "; last seen: " + last);
    }

    private static HttpResponse<String> send(HttpRequest request) {
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
