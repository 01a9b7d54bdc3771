package com.lendflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The app backend binding cards for customers, over real HTTP. */
public record Binding(int port) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public HttpProbe app(UUID customer) {
        return HttpProbe.localhost(port).bearer(TestTokens.appBackend()).with("X-Customer-Id", customer.toString());
    }

    public HttpResponse<String> start(UUID customer, String cardNumber, String holderName, String mobile) {
        return start(customer, cardNumber, holderName, mobile, UUID.randomUUID().toString());
    }

    public HttpResponse<String> start(UUID customer, String cardNumber, String holderName, String mobile,
                                      String idempotencyKey) {
        return app(customer).postJson("/api/v1/bank-cards", """
                {"cardNumber":"%s","holderName":"%s","reservedMobile":"%s"}""".formatted(cardNumber, holderName, mobile),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    public HttpResponse<String> confirm(UUID customer, Object cardId, String code) {
        return app(customer).postJson("/api/v1/bank-cards/" + cardId + "/confirm", "{\"code\":\"" + code + "\"}");
    }

    /** A customer of loan-order-service with a card bound through the channel. */
    public BoundCard boundCard() {
        UUID customer = LoanOrderStub.customerNamed("李四");
        String mobile = Cards.mobile();
        HttpResponse<String> started = start(customer, Cards.cardNumber(), "李四", mobile);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        UUID card = UUID.fromString(JSON.readTree(started.body()).get("id").asString());
        HttpResponse<String> confirmed = confirm(customer, card, ChannelSimulator.codeTextedTo(mobile));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        return new BoundCard(customer, card);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public record BoundCard(UUID customerId, UUID cardId) {
    }
}
