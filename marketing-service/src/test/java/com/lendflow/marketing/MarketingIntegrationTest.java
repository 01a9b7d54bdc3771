package com.lendflow.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * marketing-service on the shared PostgreSQL and Kafka, called over HTTP with real tokens. Every
 * test class extends this one, so they all share one Spring context.
 */
@ServiceIntegrationTest(database = "lendflow_marketing")
public abstract class MarketingIntegrationTest {

    /** The launch campaign the V3 migration seeds. */
    protected static final UUID LAUNCH_CAMPAIGN = UUID.fromString("6c61756e-6368-4000-8000-000000000001");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired protected Environment environment;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected JsonMapper json;

    protected int port;
    protected HttpProbe supervisor;
    protected HttpProbe agent;
    protected HttpProbe service;

    @BeforeEach
    void connect() {
        port = environment.getRequiredProperty("local.server.port", Integer.class);
        supervisor = HttpProbe.localhost(port).bearer(TestTokens.staff("supervisor-li", "OPS_SUPERVISOR"));
        agent = HttpProbe.localhost(port).bearer(TestTokens.staff("agent-wang", "OPS_AGENT"));
        service = HttpProbe.localhost(port).bearer(TestTokens.service("loan-order-service"));
    }

    protected static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** The app backend acting for {@code customerId}. */
    protected HttpProbe customer(UUID customerId) {
        return HttpProbe.localhost(port).bearer(TestTokens.appBackend()).with("X-Customer-Id", customerId.toString());
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Creates a campaign as a supervisor and answers its id. */
    protected UUID createCampaign(String request) {
        HttpResponse<String> created = supervisor.postJson("/ops/v1/marketing/campaigns", request);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(body(created).get("id").asString());
    }

    /** Issues one coupon of the campaign to the customer as a supervisor and answers its id. */
    protected UUID issueCoupon(UUID campaignId, UUID customerId) {
        HttpResponse<String> issued = issue(supervisor, campaignId, customerId);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return UUID.fromString(body(issued).get("coupons").get(0).get("id").asString());
    }

    protected HttpResponse<String> issue(HttpProbe staff, UUID campaignId, UUID... customerIds) {
        StringBuilder ids = new StringBuilder();
        for (UUID id : customerIds) {
            ids.append(ids.isEmpty() ? "" : ", ").append('"').append(id).append('"');
        }
        return staff.postJson("/ops/v1/marketing/coupons", """
                {"campaignId": "%s", "customerIds": [%s], "reason": "loyal customers"}
                """.formatted(campaignId, ids), Map.of("Idempotency-Key", "issue-" + UUID.randomUUID()));
    }

    protected HttpResponse<String> put(String token, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> delete(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).DELETE());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
