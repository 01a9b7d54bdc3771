package com.lendflow.simulator.esign;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.simulator.PartnerSimulatorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = PartnerSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
class ESignatureProviderTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Environment environment;

    @AfterEach
    void behaveAgain() throws Exception {
        send("DELETE", "/sim/v1/esign/fault", null, Map.of(), Duration.ofSeconds(5));
    }

    @Test
    void signsADocumentByAppendingASignatureBlock() throws Exception {
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> signed = sign(requestId, Map.of());

        assertThat(signed.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(signed.body());
        byte[] document = Base64.getDecoder().decode(body.get("signedDocumentBase64").asString());
        String text = new String(document, StandardCharsets.UTF_8);
        assertThat(text).startsWith("%PDF-1.4").contains("%LFSIG signatureId=" + body.get("signatureId").asString())
                .contains("signer=*三").contains("signerId=110***********1234").doesNotContain("110101199003071234")
                .endsWith("%%EOF\n");
        assertThat(body.get("signedDocumentSha256").asString()).isEqualTo(ESignatureProvider.sha256(document));
    }

    @Test
    void theSameRequestIdGetsTheSameSignatureNeverASecond() throws Exception {
        String requestId = UUID.randomUUID().toString();

        JsonNode first = JSON.readTree(sign(requestId, Map.of()).body());
        JsonNode second = JSON.readTree(sign(requestId, Map.of()).body());
        JsonNode queried = JSON.readTree(send("GET", "/sim/v1/esign/signatures/" + requestId, null, Map.of(),
                Duration.ofSeconds(5)).body());

        assertThat(second.get("signatureId").asString()).isEqualTo(first.get("signatureId").asString());
        assertThat(queried.get("signatureId").asString()).isEqualTo(first.get("signatureId").asString());
        assertThat(queried.get("requestsReceived").asInt()).isEqualTo(2);
    }

    @Test
    void aRequestIdReusedForAnotherDocumentIsRefused() throws Exception {
        String requestId = UUID.randomUUID().toString();
        sign(requestId, Map.of());
        byte[] other = "%PDF-1.4 other\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> reused = send("POST", "/sim/v1/esign/signatures", request(requestId, other), Map.of(),
                Duration.ofSeconds(5));

        assertThat(reused.statusCode()).isEqualTo(409);
    }

    @Test
    void anUnsignedRequestIsNotFound() throws Exception {
        assertThat(send("GET", "/sim/v1/esign/signatures/never-sent", null, Map.of(), Duration.ofSeconds(5))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aTimeoutSignsButAnswersTooLateSoTheOutcomeMustBeQueried() throws Exception {
        send("PUT", "/sim/v1/esign/fault", "{\"mode\":\"TIMEOUT\",\"delay\":\"PT2S\",\"times\":1}", Map.of(),
                Duration.ofSeconds(5));
        String requestId = UUID.randomUUID().toString();

        boolean timedOut = false;
        try {
            send("POST", "/sim/v1/esign/signatures", request(requestId, PDF), Map.of(), Duration.ofMillis(300));
        } catch (HttpTimeoutException expected) {
            timedOut = true;
        }
        HttpResponse<String> queried = send("GET", "/sim/v1/esign/signatures/" + requestId, null, Map.of(),
                Duration.ofSeconds(5));

        assertThat(timedOut).isTrue();
        assertThat(queried.statusCode()).isEqualTo(200);
        assertThat(sign(UUID.randomUUID().toString(), Map.of()).statusCode())
                .as("the fault applied to one call only").isEqualTo(200);
    }

    @Test
    void failsTheNextCallsThenSignsAgain() throws Exception {
        send("PUT", "/sim/v1/esign/fault", "{\"mode\":\"FAIL\",\"times\":2}", Map.of(), Duration.ofSeconds(5));
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> first = sign(requestId, Map.of());
        HttpResponse<String> second = sign(requestId, Map.of());
        HttpResponse<String> third = sign(requestId, Map.of());

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).contains("urn:lendflow:problem:esign-provider-down");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(third.body()).get("requestsReceived").asInt())
                .as("failed calls signed nothing").isEqualTo(1);
    }

    @Test
    void rejectsUntilClearedAndSignsNothing() throws Exception {
        send("PUT", "/sim/v1/esign/fault", "{\"mode\":\"REJECT\"}", Map.of(), Duration.ofSeconds(5));
        String requestId = UUID.randomUUID().toString();

        assertThat(sign(requestId, Map.of()).statusCode()).isEqualTo(422);
        assertThat(sign(requestId, Map.of()).statusCode()).isEqualTo(422);
        assertThat(send("GET", "/sim/v1/esign/signatures/" + requestId, null, Map.of(), Duration.ofSeconds(5))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aFaultCanBeAskedForOnOneRequest() throws Exception {
        HttpResponse<String> refused = sign(UUID.randomUUID().toString(), Map.of("X-Sim-Fault", "REJECT"));
        HttpResponse<String> signed = sign(UUID.randomUUID().toString(), Map.of());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("esign-signer-refused");
        assertThat(signed.statusCode()).isEqualTo(200);
    }

    @Test
    void aDigestThatDoesNotMatchTheDocumentIsRefused() throws Exception {
        String body = "{\"requestId\":\"r1\",\"documentSha256\":\"" + "0".repeat(64) + "\",\"documentBase64\":\""
                + Base64.getEncoder().encodeToString(PDF) + "\",\"signerName\":\"张三\",\"signerIdNumber\":\"110101199003071234\"}";
        HttpResponse<String> refused = send("POST", "/sim/v1/esign/signatures", body, Map.of(), Duration.ofSeconds(5));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("esign-digest-mismatch");
    }

    private HttpResponse<String> sign(String requestId, Map<String, String> headers) throws Exception {
        return send("POST", "/sim/v1/esign/signatures", request(requestId, PDF), headers, Duration.ofSeconds(10));
    }

    private static String request(String requestId, byte[] document) {
        return "{\"requestId\":\"" + requestId + "\",\"documentSha256\":\"" + ESignatureProvider.sha256(document)
                + "\",\"documentBase64\":\"" + Base64.getEncoder().encodeToString(document)
                + "\",\"signerName\":\"张三\",\"signerIdNumber\":\"110101199003071234\"}";
    }

    private HttpResponse<String> send(String method, String path, String json, Map<String, String> headers,
                                      Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path)).timeout(timeout);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
