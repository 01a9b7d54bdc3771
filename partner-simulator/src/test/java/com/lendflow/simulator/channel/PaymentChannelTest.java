package com.lendflow.simulator.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.simulator.PartnerSimulatorApplication;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = PartnerSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
class PaymentChannelTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Received> CALLBACKS = new CopyOnWriteArrayList<>();
    private static HttpServer payer;

    @Autowired Environment environment;

    @BeforeAll
    static void payerListens() throws Exception {
        payer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        payer.createContext("/callbacks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            CALLBACKS.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(CallbackSender.SIGNATURE_HEADER)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        payer.start();
    }

    @AfterAll
    static void payerStops() {
        payer.stop(0);
    }

    @AfterEach
    void behaveAgain() throws Exception {
        send("DELETE", "/sim/v1/channel/fault", null);
    }

    @Test
    void bindsACardWithTheCodeTextedToTheReservedMobileAndSendsItOnce() throws Exception {
        String mobile = mobile();
        String requestNo = UUID.randomUUID().toString();
        String start = "{\"requestNo\":\"%s\",\"cardNumber\":\"6222021234567890123\",\"holderName\":\"张三\",\"mobile\":\"%s\"}"
                .formatted(requestNo, mobile);

        JsonNode started = JSON.readTree(send("POST", "/sim/v1/channel/bindings", start).body());
        JsonNode again = JSON.readTree(send("POST", "/sim/v1/channel/bindings", start).body());

        assertThat(started.get("status").asString()).isEqualTo("CODE_SENT");
        assertThat(again.get("bindingId").asString()).isEqualTo(started.get("bindingId").asString());
        JsonNode texts = JSON.readTree(send("GET", "/sim/v1/sms?mobile=" + mobile, null).body());
        assertThat(texts).hasSize(1);
        String text = texts.get(0).get("text").asString();
        assertThat(text).contains("尾号0123").doesNotContain("6222021234567890123");
        String code = text.replaceAll(".*验证码 ([0-9]{6}).*", "$1");
        String bindingId = started.get("bindingId").asString();

        HttpResponse<String> wrong = send("POST", "/sim/v1/channel/bindings/" + bindingId + "/confirm",
                "{\"code\":\"" + (code.equals("000000") ? "111111" : "000000") + "\"}");
        HttpResponse<String> right = send("POST", "/sim/v1/channel/bindings/" + bindingId + "/confirm",
                "{\"code\":\"" + code + "\"}");

        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("channel-wrong-code");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(right.body()).get("status").asString()).isEqualTo("SIGNED");
        assertThat(JSON.readTree(right.body()).get("agreementNo").asString()).startsWith("AGR");
    }

    @Test
    void acceptsATransferAndCallsBackSigned() throws Exception {
        String requestNo = "T" + UUID.randomUUID();

        HttpResponse<String> accepted = submit(requestNo, "100.00");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).get("status").asString()).isEqualTo("PROCESSING");
        eventually(Duration.ofSeconds(10), () -> callbacksFor(requestNo).size() == 1);
        Received callback = callbacksFor(requestNo).getFirst();
        assertThat(callback.signature()).isEqualTo("sha256=" + CallbackSender.sign("sim-channel-callback-secret",
                callback.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(JSON.readTree(callback.body()).get("status").asString()).isEqualTo("SUCCESS");
        assertThat(JSON.readTree(callback.body()).get("amount").asString()).isEqualTo("100.00");
        assertThat(transfer(requestNo).get("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void theSameRequestNumberNeverMovesMoneyTwice() throws Exception {
        String requestNo = "T" + UUID.randomUUID();
        submit(requestNo, "100.00");

        HttpResponse<String> again = submit(requestNo, "100.00");
        HttpResponse<String> otherAmount = submit(requestNo, "200.00");

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(otherAmount.statusCode()).isEqualTo(409);
        JsonNode transfers = JSON.readTree(send("GET", "/sim/v1/channel/transfers?reference=ref-" + requestNo, null).body());
        assertThat(transfers).hasSize(1);
        assertThat(transfers.get(0).get("submissions").asInt()).isEqualTo(3);
    }

    @Test
    void aTimeoutSendsNoCallbackAndIsProcessingUntilItSucceeds() throws Exception {
        send("PUT", "/sim/v1/channel/fault", "{\"mode\":\"TIMEOUT\",\"delay\":\"PT1.5S\",\"times\":1}");
        String requestNo = "T" + UUID.randomUUID();

        submit(requestNo, "100.00");

        assertThat(transfer(requestNo).get("status").asString()).isEqualTo("PROCESSING");
        eventually(Duration.ofSeconds(10), () -> "SUCCESS".equals(transfer(requestNo).get("status").asString()));
        // A callback would have left when the transfer settled; give one the time to arrive before saying none came.
        Thread.sleep(300);
        assertThat(callbacksFor(requestNo)).isEmpty();
    }

    @Test
    void anUnknownOutcomeAnswers500ButTheTransferHappened() throws Exception {
        send("PUT", "/sim/v1/channel/fault", "{\"mode\":\"UNKNOWN\",\"times\":1}");
        String requestNo = "T" + UUID.randomUUID();

        HttpResponse<String> submitted = submit(requestNo, "100.00");

        assertThat(submitted.statusCode()).isEqualTo(500);
        eventually(Duration.ofSeconds(10), () -> "SUCCESS".equals(transfer(requestNo).get("status").asString()));
    }

    @Test
    void aFailedTransferCallsBackFailedWithAReason() throws Exception {
        send("PUT", "/sim/v1/channel/fault", "{\"mode\":\"FAIL\",\"times\":1}");
        String requestNo = "T" + UUID.randomUUID();

        submit(requestNo, "100.00");

        eventually(Duration.ofSeconds(10), () -> callbacksFor(requestNo).size() == 1);
        JsonNode callback = JSON.readTree(callbacksFor(requestNo).getFirst().body());
        assertThat(callback.get("status").asString()).isEqualTo("FAILED");
        assertThat(callback.get("failureCode").asString()).isEqualTo("CARD_ABNORMAL");
    }

    @Test
    void aDuplicateCallbackFaultCallsBackTwice() throws Exception {
        send("PUT", "/sim/v1/channel/fault", "{\"mode\":\"DUPLICATE_CALLBACK\",\"times\":1}");
        String requestNo = "T" + UUID.randomUUID();

        submit(requestNo, "100.00");

        eventually(Duration.ofSeconds(10), () -> callbacksFor(requestNo).size() == 2);
        assertThat(callbacksFor(requestNo).get(0).body()).isEqualTo(callbacksFor(requestNo).get(1).body());
    }

    @Test
    void aLateCallbackComesAfterTheQuerySaysSuccess() throws Exception {
        send("PUT", "/sim/v1/channel/fault", "{\"mode\":\"LATE_CALLBACK\",\"delay\":\"PT2S\",\"times\":1}");
        String requestNo = "T" + UUID.randomUUID();

        submit(requestNo, "100.00");

        eventually(Duration.ofSeconds(5), () -> "SUCCESS".equals(transfer(requestNo).get("status").asString()));
        assertThat(callbacksFor(requestNo)).isEmpty();
        eventually(Duration.ofSeconds(10), () -> callbacksFor(requestNo).size() == 1);
    }

    @Test
    void aCollectionFromACardWithoutEnoughMoneyFailsUntilTheMoneyIsThere() throws Exception {
        String agreement = "AGR" + UUID.randomUUID();
        send("PUT", "/sim/v1/channel/agreements/" + agreement + "/account", "{\"balance\":\"30.00\",\"frozen\":false}");
        String first = "C" + UUID.randomUUID();
        String second = "C" + UUID.randomUUID();

        collect(first, agreement, "50.00");
        eventually(Duration.ofSeconds(10), () -> callbacksFor(first).size() == 1);
        send("PUT", "/sim/v1/channel/agreements/" + agreement + "/account", "{\"balance\":\"80.00\",\"frozen\":false}");
        collect(second, agreement, "50.00");
        eventually(Duration.ofSeconds(10), () -> callbacksFor(second).size() == 1);

        JsonNode failed = JSON.readTree(callbacksFor(first).getFirst().body());
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureCode").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(JSON.readTree(callbacksFor(second).getFirst().body()).get("status").asString()).isEqualTo("SUCCESS");
        assertThat(transfer(second).get("direction").asString()).isEqualTo("COLLECTION");
        assertThat(JSON.readTree(send("GET", "/sim/v1/channel/agreements/" + agreement + "/account", null).body())
                .get("balance").asString()).isEqualTo("30.00");
    }

    @Test
    void aFrozenCardFaultFailsTheNextCollectionButNoPayout() throws Exception {
        send("PUT", "/sim/v1/channel/fault", "{\"mode\":\"CARD_FROZEN\",\"times\":1}");
        String payout = "T" + UUID.randomUUID();
        String collection = "C" + UUID.randomUUID();

        submit(payout, "100.00");
        collect(collection, "AGR1", "100.00");

        eventually(Duration.ofSeconds(10), () -> callbacksFor(payout).size() == 1 && callbacksFor(collection).size() == 1);
        assertThat(JSON.readTree(callbacksFor(payout).getFirst().body()).get("status").asString()).isEqualTo("SUCCESS");
        assertThat(JSON.readTree(callbacksFor(collection).getFirst().body()).get("failureCode").asString())
                .isEqualTo("CARD_FROZEN");
    }

    @Test
    void aReturnedCollectionCallsBackReturnedSignedAndOnlyOnce() throws Exception {
        String requestNo = "C" + UUID.randomUUID();
        collect(requestNo, "AGR1", "60.00");
        eventually(Duration.ofSeconds(10), () -> callbacksFor(requestNo).size() == 1);

        HttpResponse<String> returned = send("POST", "/sim/v1/channel/transfers/" + requestNo + "/return",
                "{\"reason\":\"cardholder disputed the debit\"}");
        HttpResponse<String> again = send("POST", "/sim/v1/channel/transfers/" + requestNo + "/return",
                "{\"reason\":\"cardholder disputed the debit\"}");

        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        eventually(Duration.ofSeconds(10), () -> callbacksFor(requestNo).size() == 2);
        Received callback = callbacksFor(requestNo).get(1);
        assertThat(callback.signature()).isEqualTo("sha256=" + CallbackSender.sign("sim-channel-callback-secret",
                callback.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode body = JSON.readTree(callback.body());
        assertThat(body.get("status").asString()).isEqualTo("RETURNED");
        assertThat(body.get("returnReason").asString()).isEqualTo("cardholder disputed the debit");
        assertThat(transfer(requestNo).get("status").asString()).isEqualTo("RETURNED");
        // The second return was answered as the transfer stood, with no callback scheduled.
        assertThat(JSON.readTree(again.body()).get("status").asString()).isEqualTo("RETURNED");
        String payout = "T" + UUID.randomUUID();
        submit(payout, "10.00");
        eventually(Duration.ofSeconds(10), () -> callbacksFor(payout).size() == 1);
        assertThat(send("POST", "/sim/v1/channel/transfers/" + payout + "/return", "{\"reason\":\"no\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void anUnknownRequestNumberIsNotFound() throws Exception {
        assertThat(send("GET", "/sim/v1/channel/transfers/never-sent-" + UUID.randomUUID(), null).statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> submit(String requestNo, String amount) throws Exception {
        return send("POST", "/sim/v1/channel/transfers", """
                {"requestNo":"%s","agreementNo":"AGR1","amount":"%s","reference":"ref-%s",
                 "callbackUrl":"http://localhost:%d/callbacks"}""".formatted(requestNo, amount, requestNo,
                payer.getAddress().getPort()));
    }

    private HttpResponse<String> collect(String requestNo, String agreementNo, String amount) throws Exception {
        return send("POST", "/sim/v1/channel/transfers", """
                {"requestNo":"%s","agreementNo":"%s","amount":"%s","reference":"ref-%s","direction":"COLLECTION",
                 "callbackUrl":"http://localhost:%d/callbacks"}""".formatted(requestNo, agreementNo, amount, requestNo,
                payer.getAddress().getPort()));
    }

    private JsonNode transfer(String requestNo) throws Exception {
        return JSON.readTree(send("GET", "/sim/v1/channel/transfers/" + requestNo, null).body());
    }

    private static List<Received> callbacksFor(String requestNo) {
        return CALLBACKS.stream().filter(c -> c.body().contains("\"" + requestNo + "\"")).toList();
    }

    /** Polls {@code condition} until it holds, failing after {@code wait}. */
    private static void eventually(Duration wait, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within " + wait);
            }
            Thread.sleep(50);
        }
    }

    private static String mobile() {
        return "137" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Received(String body, String signature) {
    }
}
