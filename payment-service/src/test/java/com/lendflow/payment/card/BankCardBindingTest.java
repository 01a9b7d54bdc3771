package com.lendflow.payment.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.payment.Binding;
import com.lendflow.payment.Cards;
import com.lendflow.payment.ChannelSimulator;
import com.lendflow.payment.LoanOrderStub;
import com.lendflow.payment.PaymentIntegrationTest;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class BankCardBindingTest extends PaymentIntegrationTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;

    Binding binding;
    int port;

    @BeforeEach
    void setUp() {
        port = environment.getRequiredProperty("local.server.port", Integer.class);
        binding = new Binding(port);
    }

    @Test
    void aCustomerBindsACardWithTheCodeTextedToTheReservedMobile() {
        UUID customer = LoanOrderStub.customerNamed("张三丰");
        String number = Cards.cardNumber();
        String mobile = Cards.mobile();

        HttpResponse<String> started = binding.start(customer, number, "张三丰", mobile);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode card = Binding.json(started);
        assertThat(card.get("state").asString()).isEqualTo("CODE_SENT");
        assertThat(card.get("cardNumber").asString()).isEqualTo("6222 **** **** " + number.substring(15));
        assertThat(card.get("bin").asString()).isEqualTo("622202");
        assertThat(card.get("last4").asString()).isEqualTo(number.substring(15));
        assertThat(card.get("holderName").asString()).isEqualTo("*三丰");
        assertThat(card.get("reservedMobile").asString()).isEqualTo("139****" + mobile.substring(7));
        assertThat(ChannelSimulator.codesTextedTo(mobile)).hasSize(1);

        HttpResponse<String> confirmed = binding.confirm(customer, card.get("id").asString(),
                ChannelSimulator.codeTextedTo(mobile));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(Binding.json(confirmed).get("state").asString()).isEqualTo("BOUND");
        assertThat(Binding.json(confirmed).get("boundAt").isNull()).isFalse();
        HttpResponse<String> listed = binding.app(customer).get("/api/v1/bank-cards?customerId=" + customer);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Binding.json(listed)).hasSize(1);
        assertThat(Binding.json(listed).get(0).get("state").asString()).isEqualTo("BOUND");
        HttpResponse<String> internal = HttpProbe.localhost(port).bearer(TestTokens.service("loan-order-service"))
                .get("/internal/v1/bank-cards/" + card.get("id").asString());
        assertThat(internal.statusCode()).isEqualTo(200);
        JsonNode forServices = Binding.json(internal);
        assertThat(forServices.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(forServices.get("state").asString()).isEqualTo("BOUND");
        assertThat(forServices.get("bound").asBoolean()).isTrue();
        assertThat(forServices.get("last4").asString()).isEqualTo(number.substring(15));
        for (HttpResponse<String> response : List.of(started, confirmed, listed, internal)) {
            assertThat(response.body()).doesNotContain(number).doesNotContain(mobile).doesNotContain("张三丰");
        }
        String stored = jdbc.sql("select card_number_encrypted || holder_name_encrypted || reserved_mobile_encrypted "
                + "from bank_card where id = ?").param(UUID.fromString(card.get("id").asString())).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(number).doesNotContain(mobile).doesNotContain("张三丰");
        assertThat(LoanOrderStub.unauthenticatedRequests()).isZero();
    }

    @Test
    void aWrongCodeIsRefusedAndTooManyLockTheCard() {
        UUID customer = LoanOrderStub.customerNamed("王五");
        String mobile = Cards.mobile();
        String cardId = Binding.json(binding.start(customer, Cards.cardNumber(), "王五", mobile)).get("id").asString();
        String right = ChannelSimulator.codeTextedTo(mobile);
        String wrong = right.equals("000000") ? "111111" : "000000";

        HttpResponse<String> first = binding.confirm(customer, cardId, wrong);

        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(first.body()).contains("wrong-binding-code").contains("4 attempt(s) left");
        for (int attempt = 2; attempt <= 4; attempt++) {
            assertThat(binding.confirm(customer, cardId, wrong).statusCode()).isEqualTo(422);
        }
        HttpResponse<String> fifth = binding.confirm(customer, cardId, wrong);
        assertThat(fifth.statusCode()).isEqualTo(423);
        assertThat(fifth.body()).contains("card-binding-locked");
        HttpResponse<String> rightTooLate = binding.confirm(customer, cardId, right);
        assertThat(rightTooLate.statusCode()).isEqualTo(423);
        assertThat(Binding.json(binding.app(customer).get("/api/v1/bank-cards/" + cardId)).get("state").asString())
                .isEqualTo("LOCKED");
    }

    @Test
    void aCardNumberThatFailsTheLuhnCheckIsRefusedNamingTheFieldAndNothingIsStored() {
        UUID customer = LoanOrderStub.customerNamed("赵六");
        String mobile = Cards.mobile();

        HttpResponse<String> started = binding.start(customer, Cards.mistyped(Cards.cardNumber()), "赵六", mobile);

        assertThat(started.statusCode()).isEqualTo(400);
        assertThat(started.body()).contains("\"field\":\"cardNumber\"").contains("luhn");
        assertThat(cardsOf(customer)).isZero();
        assertThat(ChannelSimulator.codesTextedTo(mobile)).isEmpty();
    }

    @Test
    void aCardInSomeoneElsesNameIsRefusedNamingTheHolderAndNoCodeIsSent() {
        UUID customer = LoanOrderStub.customerNamed("钱七");
        String mobile = Cards.mobile();

        HttpResponse<String> started = binding.start(customer, Cards.cardNumber(), "孙八", mobile);

        assertThat(started.statusCode()).isEqualTo(400);
        assertThat(started.body()).contains("\"field\":\"holderName\"").contains("customer-name")
                .doesNotContain("钱七");
        assertThat(cardsOf(customer)).isZero();
        assertThat(ChannelSimulator.codesTextedTo(mobile)).isEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameCardAndNoSecondCode() {
        UUID customer = LoanOrderStub.customerNamed("周九");
        String number = Cards.cardNumber();
        String mobile = Cards.mobile();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = binding.start(customer, number, "周九", mobile, key);
        HttpResponse<String> again = binding.start(customer, number, "周九", mobile, key);

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(Binding.json(again).get("id").asString()).isEqualTo(Binding.json(first).get("id").asString());
        assertThat(cardsOf(customer)).isEqualTo(1);
        assertThat(ChannelSimulator.codesTextedTo(mobile)).hasSize(1);
    }

    @Test
    void anotherCustomersCardCannotBeSeenOrConfirmed() {
        UUID owner = LoanOrderStub.customerNamed("吴十");
        UUID stranger = LoanOrderStub.customerNamed("郑一");
        String mobile = Cards.mobile();
        String cardId = Binding.json(binding.start(owner, Cards.cardNumber(), "吴十", mobile)).get("id").asString();

        HttpResponse<String> confirmed = binding.confirm(stranger, cardId, ChannelSimulator.codeTextedTo(mobile));
        HttpResponse<String> read = binding.app(stranger).get("/api/v1/bank-cards/" + cardId);
        HttpResponse<String> listed = binding.app(stranger).get("/api/v1/bank-cards?customerId=" + owner);

        assertThat(confirmed.statusCode()).isEqualTo(404);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(listed.statusCode()).isEqualTo(404);
        assertThat(Binding.json(binding.app(owner).get("/api/v1/bank-cards/" + cardId)).get("state").asString())
                .isEqualTo("CODE_SENT");
    }

    @Test
    void aCardAlreadyBoundCannotBeBoundAgain() {
        UUID customer = LoanOrderStub.customerNamed("冯二");
        String number = Cards.cardNumber();
        String mobile = Cards.mobile();
        String cardId = Binding.json(binding.start(customer, number, "冯二", mobile)).get("id").asString();
        binding.confirm(customer, cardId, ChannelSimulator.codeTextedTo(mobile));

        HttpResponse<String> again = binding.start(customer, number, "冯二", mobile);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("card-already-bound");
        assertThat(cardsOf(customer)).isEqualTo(1);
    }

    @Test
    void internalCardsNeedAServiceToken() {
        HttpResponse<String> app = HttpProbe.localhost(port).bearer(TestTokens.appBackend())
                .get("/internal/v1/bank-cards/" + UUID.randomUUID());
        assertThat(app.statusCode()).isEqualTo(403);
    }

    private long cardsOf(UUID customer) {
        return jdbc.sql("select count(*) from bank_card where customer_id = ?").param(customer).query(Long.class).single();
    }

}
