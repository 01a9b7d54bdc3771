package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.platform.security.access.InternalCalls;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** One service calling another carries its own client-credentials token from the real auth server. */
class InternalCallsTest {

    @Test
    void loanOrderServiceReadsACreditLineFromLimitServiceWithItsOwnToken() {
        LocalStack stack = SharedStack.get();
        String customerId = registerCustomer();
        InternalCalls calls = stack.contextOf(Suite.SERVICES.getFirst()).getBean(InternalCalls.class);
        String limitService = stack.urlOf(Suite.SERVICES.get(1));

        ResponseEntity<String>[] answer = new ResponseEntity[1];
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            answer[0] = calls.to(limitService).get().uri("/internal/v1/credit-lines/{id}", customerId)
                    .retrieve().toEntity(String.class);
            return answer[0].getStatusCode().is2xxSuccessful();
        });
        assertThat(answer[0].getBody()).contains("\"customerId\":\"" + customerId + "\"");
    }

    @Test
    void internalEndpointsRefuseCallersWithoutAServiceToken() {
        String path = SharedStack.get().urlOf(Suite.SERVICES.get(1)) + "/internal/v1/credit-lines/" + UUID.randomUUID();
        HttpResponse<String> anonymous = SharedStack.send(HttpRequest.newBuilder(URI.create(path)).GET());
        HttpResponse<String> appBackend = SharedStack.send(HttpRequest.newBuilder(URI.create(path))
                .header("Authorization", "Bearer " + SharedStack.clientToken("app-backend")).GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(appBackend.statusCode()).isEqualTo(403);
    }

    @Test
    void theGatewayDoesNotExposeInternalEndpoints() {
        HttpResponse<String> response = SharedStack.get("/internal/v1/credit-lines/" + UUID.randomUUID(),
                Map.of("Authorization", "Bearer " + SharedStack.clientToken("limit-service")));
        assertThat(response.statusCode()).isIn(403, 404);
    }

    private static String registerCustomer() {
        HttpResponse<String> registered = SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"王五\",\"mobile\":\"" + Identities.mobile() + "\",\"idNumber\":\"" + Identities.idNumber() + "\"}",
                Map.of("Authorization", "Bearer " + SharedStack.clientToken("app-backend"),
                        "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(registered.statusCode()).isEqualTo(201);
        return registered.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

}
