package com.lendflow.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.reconciliation.statement.Source;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * reconciliation-service on the shared PostgreSQL and Kafka, reading every file from {@link SourceStub}
 * (gzip-compressed, as in production). Every test class extends this one, so they share one Spring
 * context. The worker polls every 100 ms and retries late or bad files every 300 ms; the daily cron is
 * off (tests start runs as ops do, or call the schedule's method). Each test works in business dates of
 * its own, so runs of one never see another's files.
 */
@ServiceIntegrationTest(database = "lendflow_reconciliation")
@TestPropertySource(properties = {
        "lendflow.reconciliation.worker.poll-interval=100ms",
        "lendflow.reconciliation.retry-interval=300ms",
        "lendflow.reconciliation.schedule=-"})
public abstract class ReconciliationIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    protected static final String CHANNEL = "simpay";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry properties) {
        properties.add("lendflow.reconciliation.sources.payment", SourceStub::url);
        properties.add("lendflow.reconciliation.sources.core-ledger", SourceStub::url);
        properties.add("lendflow.reconciliation.sources.loan-order", SourceStub::url);
        properties.add("lendflow.reconciliation.partners.channel-base-url", SourceStub::url);
        properties.add("lendflow.reconciliation.partners.funding-base-url", SourceStub::url);
        properties.add("spring.security.oauth2.client.provider.lendflow-internal.token-uri",
                () -> SourceStub.url() + "/oauth2/token");
    }

    // --- the files, record by record ------------------------------------------------------------

    protected static String at(LocalDate date, int hour, int minute, int second) {
        return date.atTime(LocalTime.of(hour, minute, second)).atZone(SHANGHAI).toOffsetDateTime().toString();
    }

    protected static void payment(LocalDate file, String requestNo, String direction, String businessId, String amount,
                                  String status, String completedAt, String partner) {
        SourceStub.add(Source.PAYMENT, file, "%s,%s,%s,loan-%s,%s,%s,ct-%s,%s,%s".formatted(requestNo, direction, businessId,
                businessId, amount, status, requestNo, completedAt, partner));
    }

    protected static void channel(LocalDate file, String requestNo, String direction, String amount, String status,
                                  String completedAt) {
        SourceStub.add(Source.CHANNEL, file, "ct-%s,%s,%s,%s,%s,%s".formatted(requestNo, requestNo, direction, amount, status,
                completedAt));
    }

    protected static void ledger(LocalDate file, String businessId, String kind, String amount, String partner, String postedAt) {
        SourceStub.add(Source.LEDGER, file, "%s,%s,loan-%s,%s,%s,0.00,%s,%s,%s".formatted(businessId, kind, businessId, amount,
                amount, partner, file, postedAt));
    }

    protected static void drawdown(LocalDate file, String drawdownId, String state, String amount, String at) {
        SourceStub.add(Source.LOAN_ORDER, file, "%s,%s,%s,loan-%s,customer-1,%s".formatted(drawdownId, state, amount,
                drawdownId, at));
    }

    protected static void funding(LocalDate file, String partner, String reference, String type, String amount) {
        SourceStub.add(Source.FUNDING, partner, file, "pt-%s,%s,%s,%s,%s".formatted(reference, reference, type, amount, file));
    }

    // --- ops over HTTP --------------------------------------------------------------------------

    protected HttpProbe staff(String username, String... roles) {
        return HttpProbe.localhost(port).bearer(TestTokens.staff(username, roles));
    }

    protected HttpProbe finance() {
        return staff("finance-amy", "FINANCE");
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Starts runs of {@code date} as ops would: one reconciliation (null: all of them). */
    protected void start(LocalDate date, String reconciliation) {
        String body = reconciliation == null
                ? "{\"businessDate\":\"%s\",\"reason\":\"test\"}".formatted(date)
                : "{\"businessDate\":\"%s\",\"reconciliation\":\"%s\",\"reason\":\"test\"}".formatted(date, reconciliation);
        HttpResponse<String> started = finance().postJson("/ops/v1/reconciliation/runs", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    }

    protected List<JsonNode> runs(LocalDate date, String reconciliation) {
        HttpResponse<String> found = finance().get("/ops/v1/reconciliation/runs?date=" + date
                + (reconciliation == null ? "" : "&reconciliation=" + reconciliation));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        json(found).get("items").forEach(items::add);
        return items;
    }

    /** The runs of the date once every one of them satisfies {@code done}. */
    protected List<JsonNode> awaitRuns(LocalDate date, String reconciliation, Predicate<JsonNode> done) {
        return eventually(() -> runs(date, reconciliation), runs -> !runs.isEmpty() && runs.stream().allMatch(done),
                "runs of " + date);
    }

    protected static Predicate<JsonNode> finished(int attempts) {
        return run -> "FINISHED".equals(run.path("state").asString()) && run.path("attempts").asInt() >= attempts;
    }

    protected List<JsonNode> breaksOf(LocalDate date) {
        HttpResponse<String> found = finance().get("/ops/v1/reconciliation/breaks?size=200&date=" + date);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        json(found).get("items").forEach(items::add);
        return items;
    }

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
}
