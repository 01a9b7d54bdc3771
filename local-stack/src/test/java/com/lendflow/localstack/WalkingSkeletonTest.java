package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole suite as {@code ./lendflow up} starts it, called only through the gateway with real
 * tokens from the real auth server, as the app backend would: a customer registered in
 * loan-order-service gets a credit line in limit-service, carried by the outbox, Kafka and the inbox.
 */
class WalkingSkeletonTest {

    static String appBackend;

    @BeforeAll
    static void startTheSuite() {
        SharedStack.get();
        appBackend = "Bearer " + SharedStack.clientToken("app-backend");
    }

    @Test
    void aCustomerRegisteredThroughTheGatewayGetsAnEmptyCreditLine() {
        String requestId = UUID.randomUUID().toString();
        String idNumber = Identities.idNumber();
        String mobile = Identities.mobile();
        HttpResponse<String> registered = SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"张三\",\"mobile\":\"" + mobile + "\",\"idNumber\":\"" + idNumber + "\"}",
                Map.of("Authorization", appBackend, "X-Request-Id", requestId, "Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(registered.body()).contains("\"mobile\":\"" + mobile.substring(0, 3) + "****").doesNotContain(mobile);
        String customerId = registered.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");

        List<HttpResponse<String>> line = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            line.clear();
            line.add(SharedStack.get("/api/v1/customers/" + customerId + "/credit-line",
                    Map.of("Authorization", appBackend, "X-Customer-Id", customerId)));
            return line.getFirst().statusCode() == 200;
        });
        assertThat(line.getFirst().body())
                .contains("\"customerId\":\"" + customerId + "\"")
                .contains("\"status\":\"NOT_ACTIVATED\"")
                .contains("\"creditLimit\":\"0.00\"")
                .contains("\"available\":\"0.00\"");
    }

    @Test
    void anyoneCanCheckTheArithmeticWithTheLoanCalculatorWithoutAToken() {
        HttpResponse<String> quote = SharedStack.postJson("/api/v1/loan-calculator",
                "{\"principal\":\"100.00\",\"annualRate\":\"0.09125\",\"termMonths\":3,"
                        + "\"method\":\"EQUAL_INSTALLMENT\",\"startDate\":\"2026-01-15\"}", Map.of());

        assertThat(quote.statusCode()).isEqualTo(200);
        assertThat(quote.body())
                .contains("{\"period\":1,\"dueDate\":\"2026-02-15\",\"principal\":\"33.08\",\"interest\":\"0.76\","
                        + "\"total\":\"33.84\",\"remainingPrincipal\":\"66.92\"}")
                .contains("\"total\":\"33.85\"")
                .contains("\"totalInterest\":\"1.53\"")
                .contains("\"totalRepayment\":\"101.53\"");
    }

    @Test
    void badInputIsRefusedAtTheServiceThroughTheGatewayNamingTheField() {
        long before = customers();
        HttpResponse<String> response = SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"张三\",\"mobile\":\"1381234\",\"idNumber\":\"11010519491231002X\",\"vip\":true}",
                Map.of("Authorization", appBackend, "Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"vip\"").contains("\"rule\":\"unknown-field\"");
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void aTenMegabyteBodyIsRefusedByTheGatewayBeforeAnyServiceSeesIt() {
        long before = customers();
        String huge = "{\"name\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}";

        // The gateway answers 413 as soon as it has read the headers and closes the connection; a client
        // still uploading the body may see that close as a reset before it reads the answer. Ask again then.
        HttpResponse<String> response = null;
        for (int attempt = 1; attempt <= 3 && response == null; attempt++) {
            try {
                response = SharedStack.postJson("/api/v1/customers", huge,
                        Map.of("Authorization", appBackend, "Idempotency-Key", UUID.randomUUID().toString()));
            } catch (java.io.UncheckedIOException connectionClosedWhileUploading) {
                assertThat(attempt).as("the gateway closed the connection on every attempt").isLessThan(3);
            }
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:lendflow:problem:body-too-large");
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void everyServiceIsUpAndServesItsOpenApiDocument() {
        LocalStack stack = SharedStack.get();
        for (StackService service : Suite.SERVICES) {
            HttpResponse<String> health = plainGet(stack.urlOf(service) + "/actuator/health/readiness");
            assertThat(health.body()).as(service.name()).contains("\"status\":\"UP\"");
            assertThat(plainGet(stack.urlOf(service) + "/v3/api-docs").statusCode()).as(service.name()).isEqualTo(200);
        }
        assertThat(plainGet(stack.urlOf(Suite.PARTNER_SIMULATOR) + "/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(plainGet(stack.urlOf(Suite.AUTH_SERVER) + "/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(plainGet(stack.gatewayUrl() + "/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    private static HttpResponse<String> plainGet(String url) {
        return SharedStack.send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static long customers() {
        return SharedStack.count("lendflow_loan_order", "select count(*) from customer");
    }
}
