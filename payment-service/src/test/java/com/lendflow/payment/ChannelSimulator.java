package com.lendflow.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The partner simulator's payment channel and SMS gateway, as a test drives and inspects them. */
public final class ChannelSimulator {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("验证码 ([0-9]{6})");

    private ChannelSimulator() {
    }

    /** The last binding code texted to {@code mobile}. */
    public static String codeTextedTo(String mobile) {
        List<String> codes = codesTextedTo(mobile);
        if (codes.isEmpty()) {
            throw new AssertionError("no code was texted to the reserved mobile");
        }
        return codes.getFirst();
    }

    /** Every binding code texted to {@code mobile}, newest first. */
    public static List<String> codesTextedTo(String mobile) {
        List<String> codes = new ArrayList<>();
        for (JsonNode sms : JSON.readTree(send("GET", "/sim/v1/sms?mobile=" + mobile, null).body())) {
            Matcher code = CODE.matcher(sms.get("text").asString());
            if (code.find()) {
                codes.add(code.group(1));
            }
        }
        return codes;
    }

    /** Every transfer the channel received for a drawdown. */
    public static JsonNode transfersFor(Object drawdownId) {
        return JSON.readTree(send("GET", "/sim/v1/channel/transfers?reference="
                + URLEncoder.encode(drawdownId.toString(), StandardCharsets.UTF_8), null).body());
    }

    /** The card behind a withholding agreement now holds {@code balance} (null: always enough) and may be frozen. */
    public static void cardHolds(String agreementNo, String balance, boolean frozen) {
        HttpResponse<String> set = send("PUT", "/sim/v1/channel/agreements/" + agreementNo + "/account",
                "{\"balance\":%s,\"frozen\":%s}".formatted(balance == null ? "null" : "\"" + balance + "\"", frozen));
        if (set.statusCode() != 200) {
            throw new IllegalStateException("the simulator refused the account: " + set.body());
        }
    }

    /** The channel gives back the money of a collection it made. */
    public static HttpResponse<String> returnFunds(String requestNo, String reason) {
        return send("POST", "/sim/v1/channel/transfers/" + requestNo + "/return", "{\"reason\":\"" + reason + "\"}");
    }

    /** The next {@code times} transfers misbehave: TIMEOUT, FAIL, UNKNOWN, DUPLICATE_CALLBACK, LATE_CALLBACK. */
    public static void misbehave(String mode, Duration delay, int times) {
        HttpResponse<String> set = send("PUT", "/sim/v1/channel/fault",
                "{\"mode\":\"%s\",\"delay\":\"%s\",\"times\":%d}".formatted(mode, delay, times));
        if (set.statusCode() != 200) {
            throw new IllegalStateException("the simulator refused the fault: " + set.body());
        }
    }

    public static void behave() {
        send("DELETE", "/sim/v1/channel/fault", null);
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PaymentIntegrationTest.simulatorUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
