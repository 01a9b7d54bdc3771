package com.lendflow.simulator.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.simulator.PartnerSimulatorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

@SpringBootTest(classes = PartnerSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
class VoiceGatewayTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired Environment environment;

    @AfterEach
    void behaveAgain() throws Exception {
        send("DELETE", "/sim/v1/voice/fault", null);
    }

    @Test
    void placesACallThatIsAnsweredAndShowsItMasked() throws Exception {
        HttpResponse<String> placed = send("POST", "/sim/v1/voice/calls",
                "{\"mobile\":\"13800001111\",\"script\":\"您的借款已逾期1天，请尽快还款\"}");

        assertThat(placed.statusCode()).isEqualTo(202);
        assertThat(placed.body()).contains("\"outcome\":\"ANSWERED\"");
        HttpResponse<String> listed = send("GET", "/sim/v1/voice/calls?mobile=13800001111", null);
        assertThat(listed.body()).contains("138****1111").contains("您的借款已逾期1天").contains("ANSWERED")
                .doesNotContain("13800001111");
    }

    @Test
    void callsRingOutUnansweredWhenToldTo() throws Exception {
        send("PUT", "/sim/v1/voice/fault", "{\"mode\":\"NO_ANSWER\",\"delay\":null}");

        HttpResponse<String> placed = send("POST", "/sim/v1/voice/calls", "{\"mobile\":\"13800002222\",\"script\":\"hello\"}");

        assertThat(placed.statusCode()).isEqualTo(202);
        assertThat(placed.body()).contains("\"outcome\":\"NO_ANSWER\"");
    }

    @Test
    void refusesEveryCallWhenToldToReject() throws Exception {
        send("PUT", "/sim/v1/voice/fault", "{\"mode\":\"REJECT\",\"delay\":null}");

        HttpResponse<String> placed = send("POST", "/sim/v1/voice/calls", "{\"mobile\":\"13800003333\",\"script\":\"hello\"}");

        assertThat(placed.statusCode()).isEqualTo(503);
        assertThat(placed.body()).contains("urn:lendflow:problem:voice-provider-down");
        assertThat(send("GET", "/sim/v1/voice/calls?mobile=13800003333", null).body()).isEqualTo("[]");
    }

    @Test
    void aMalformedMobileIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> placed = send("POST", "/sim/v1/voice/calls", "{\"mobile\":\"12345\",\"script\":\"hello\"}");
        assertThat(placed.statusCode()).isEqualTo(400);
        assertThat(placed.body()).contains("\"field\":\"mobile\"");
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
