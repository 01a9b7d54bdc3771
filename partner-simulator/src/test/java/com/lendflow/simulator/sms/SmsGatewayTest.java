package com.lendflow.simulator.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.simulator.PartnerSimulatorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

@SpringBootTest(classes = PartnerSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
class SmsGatewayTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired Environment environment;

    @AfterEach
    void behaveAgain() throws Exception {
        send("DELETE", "/sim/v1/sms/fault", null);
    }

    @Test
    void acceptsAMessageAndShowsItMasked() throws Exception {
        HttpResponse<String> sent = send("POST", "/sim/v1/sms", "{\"mobile\":\"13900001111\",\"text\":\"您的验证码是 123456\"}");
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(sent.body()).contains("\"status\":\"DELIVERED\"");

        HttpResponse<String> listed = send("GET", "/sim/v1/sms?mobile=13900001111", null);
        assertThat(listed.body()).contains("139****1111").contains("您的验证码是 123456").doesNotContain("13900001111");
    }

    @Test
    void refusesEveryMessageWhenToldToReject() throws Exception {
        send("PUT", "/sim/v1/sms/fault", "{\"mode\":\"REJECT\",\"delay\":null}");

        HttpResponse<String> sent = send("POST", "/sim/v1/sms", "{\"mobile\":\"13900002222\",\"text\":\"hello\"}");

        assertThat(sent.statusCode()).isEqualTo(503);
        assertThat(sent.body()).contains("urn:lendflow:problem:sms-provider-down");
    }

    @Test
    void answersLateWhenToldToDelay() throws Exception {
        send("PUT", "/sim/v1/sms/fault", "{\"mode\":\"DELAY\",\"delay\":\"PT0.6S\"}");
        long begin = System.nanoTime();

        HttpResponse<String> sent = send("POST", "/sim/v1/sms", "{\"mobile\":\"13900003333\",\"text\":\"hello\"}");

        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void aMalformedMobileIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> sent = send("POST", "/sim/v1/sms", "{\"mobile\":\"12345\",\"text\":\"hello\"}");
        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(sent.body()).contains("\"field\":\"mobile\"");
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
}
