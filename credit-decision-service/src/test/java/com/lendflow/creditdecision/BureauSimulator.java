package com.lendflow.creditdecision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** The partner simulator's credit-bureau admin API, as a test drives it. */
public final class BureauSimulator {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BureauSimulator() {
    }

    /** What the bureau's reports on this person say from now on. */
    public static void record(String idNumber, int worstDaysPastDue, int overdueAccounts, String totalDebt,
                              int inquiries3m, int inquiries6m) {
        HttpResponse<String> set = send("PUT", "/sim/v1/bureau/profiles/" + idNumber, """
                {"worstDaysPastDueLast24Months":%d,"overdueAccounts":%d,"totalOutstandingDebt":"%s","openAccounts":3,
                 "inquiriesLast3Months":%d,"inquiriesLast6Months":%d}"""
                .formatted(worstDaysPastDue, overdueAccounts, totalDebt, inquiries3m, inquiries6m));
        if (set.statusCode() != 200) {
            throw new IllegalStateException("the simulator refused the profile: " + set.body());
        }
    }

    /** How many report queries about this person reached the bureau. */
    public static int queriesAbout(String idNumber) {
        return JSON.readTree(send("GET", "/sim/v1/bureau/profiles/" + idNumber, null).body()).get("queriesReceived").asInt();
    }

    /** The next {@code times} queries misbehave ({@code TIMEOUT}, {@code FAIL}, {@code MALFORMED}, {@code REFUSE}); 0 until cleared. */
    public static void misbehave(String mode, int times) {
        send("PUT", "/sim/v1/bureau/fault", "{\"mode\":\"" + mode + "\",\"delay\":\"PT3S\",\"times\":" + times + "}");
    }

    public static void behave() {
        send("DELETE", "/sim/v1/bureau/fault", null);
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CreditDecisionIntegrationTest.simulatorUrl() + path))
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
