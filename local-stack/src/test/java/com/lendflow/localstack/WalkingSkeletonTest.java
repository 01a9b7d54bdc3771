package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite as {@code ./lendflow up} starts it, called only through the gateway, as the
 * app backend would: a customer registered in loan-order-service gets a credit line in
 * limit-service, carried by the outbox, Kafka and the inbox.
 */
class WalkingSkeletonTest {

    private static final int OFFSET = 20_000;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path home;
    static StackSettings settings;
    static LocalStack stack;

    @BeforeAll
    static void startTheSuite() throws Exception {
        settings = new StackSettings(home, OFFSET, 15432 + OFFSET, 19092 + OFFSET, 2);
        stack = LocalStack.start(settings);
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aCustomerRegisteredThroughTheGatewayGetsAnEmptyCreditLine() throws Exception {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> registered = post("/api/v1/customers",
                "{\"name\":\"张三\",\"mobile\":\"13812345678\",\"idNumber\":\"11010519491231002X\"}", requestId);

        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(registered.body()).contains("\"mobile\":\"138****5678\"").doesNotContain("13812345678");
        String customerId = registered.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");

        List<HttpResponse<String>> line = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            line.clear();
            line.add(get(stack.gatewayUrl() + "/api/v1/customers/" + customerId + "/credit-line"));
            return line.getFirst().statusCode() == 200;
        });
        assertThat(line.getFirst().body())
                .contains("\"customerId\":\"" + customerId + "\"")
                .contains("\"status\":\"NOT_ACTIVATED\"")
                .contains("\"creditLimit\":\"0.00\"")
                .contains("\"available\":\"0.00\"");
    }

    @Test
    void badInputIsRefusedAtTheServiceThroughTheGatewayNamingTheField() throws Exception {
        long before = customers();
        HttpResponse<String> response = post("/api/v1/customers",
                "{\"name\":\"张三\",\"mobile\":\"1381234\",\"idNumber\":\"11010519491231002X\",\"vip\":true}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"vip\"").contains("\"rule\":\"unknown-field\"");
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void aTenMegabyteBodyIsRefusedByTheGatewayBeforeAnyServiceSeesIt() throws Exception {
        long before = customers();
        String huge = "{\"name\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}";

        HttpResponse<String> response = post("/api/v1/customers", huge, null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:lendflow:problem:body-too-large");
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void everyServiceIsUpAndServesItsOpenApiDocument() throws Exception {
        for (StackService service : Suite.SERVICES) {
            HttpResponse<String> health = get(stack.urlOf(service) + "/actuator/health/readiness");
            assertThat(health.body()).as(service.name()).contains("\"status\":\"UP\"");
            assertThat(get(stack.urlOf(service) + "/v3/api-docs").statusCode()).as(service.name()).isEqualTo(200);
        }
        assertThat(get(stack.urlOf(Suite.PARTNER_SIMULATOR) + "/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(get(stack.gatewayUrl() + "/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    private static HttpResponse<String> post(String path, String json, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        request.header("Idempotency-Key", UUID.randomUUID().toString());
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long customers() throws SQLException {
        String url = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/lendflow_loan_order";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             ResultSet rs = connection.createStatement().executeQuery("select count(*) from customer")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
