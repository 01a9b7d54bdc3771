package com.lendflow.esign.authorisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.esign.AuthorisationSigned;
import com.lendflow.contracts.esign.SignAuthorisation;
import com.lendflow.contracts.esign.SigningFailed;
import com.lendflow.esign.CreditLineSaga;
import com.lendflow.esign.EsignIntegrationTest;
import com.lendflow.esign.SigningSimulator;
import com.lendflow.esign.document.Sha256;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AuthorisationSigningTest extends EsignIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired CircuitBreakerRegistry circuitBreakers;

    CreditLineSaga saga;

    @BeforeEach
    void setUp() {
        saga = new CreditLineSaga(codec);
        SigningSimulator.behave();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @AfterEach
    void tearDown() {
        SigningSimulator.behave();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @Test
    void signsTheAuthorisationAndArchivesTheSignedPdfWithItsHash() throws Exception {
        SignAuthorisation sign = Applicants.zhangSanfengApplies();

        saga.send(sign);
        Envelope reply = saga.reply(sign.applicationId());

        assertThat(reply.type()).isEqualTo(AuthorisationSigned.TYPE.name());
        AuthorisationSigned signed = codec.payloadOf(reply, AuthorisationSigned.TYPE);
        assertThat(signed.customerId()).isEqualTo(sign.customerId());
        byte[] pdf = download(signed, sign);
        assertThat(Sha256.of(pdf)).isEqualTo(signed.sha256());
        String text = textOf(pdf);
        assertThat(text).contains("征信授权书").contains(Applicants.NAME).contains(Applicants.MASKED_ID_NUMBER)
                .contains("2025年3月7日").contains("自愿作出上述授权").doesNotContain(Applicants.ID_NUMBER);
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the provider's signature block").contains("%LFSIG signatureId=");
        JsonNode atProvider = SigningSimulator.signatureFor(signed.documentId());
        assertThat(atProvider.get("signedDocumentSha256").asString()).isEqualTo(signed.sha256());
    }

    @Test
    void theArchiveKeepsThePdfsOnlyEncrypted() {
        SignAuthorisation sign = Applicants.zhangSanfengApplies();
        saga.send(sign);
        AuthorisationSigned signed = codec.payloadOf(saga.reply(sign.applicationId()), AuthorisationSigned.TYPE);

        var row = jdbc.sql("select rendered_pdf_encrypted, signed_pdf_encrypted, signed_sha256 from document where id = ?")
                .param(signed.documentId()).query().singleRow();
        assertThat((String) row.get("rendered_pdf_encrypted")).startsWith("v1:").doesNotContain("JVBERi0");
        assertThat((String) row.get("signed_pdf_encrypted")).startsWith("v1:").doesNotContain("JVBERi0");
        assertThat(row.get("signed_sha256")).isEqualTo(signed.sha256());
    }

    @Test
    void theSameApplicationIsSignedOnceHoweverOftenTheCommandArrives() {
        SignAuthorisation sign = Applicants.zhangSanfengApplies();
        Envelope command = saga.command(sign);

        saga.send(command);
        saga.send(command);
        Envelope first = saga.reply(sign.applicationId());
        saga.send(sign); // the same command again under a new message id, as a saga step retry sends it
        Envelope second = saga.reply(sign.applicationId(), Set.of(first.id()));

        AuthorisationSigned firstSigned = codec.payloadOf(first, AuthorisationSigned.TYPE);
        AuthorisationSigned secondSigned = codec.payloadOf(second, AuthorisationSigned.TYPE);
        assertThat(secondSigned.documentId()).isEqualTo(firstSigned.documentId());
        assertThat(secondSigned.sha256()).isEqualTo(firstSigned.sha256());
        assertThat(jdbc.sql("select count(*) from document where application_id = ?").param(sign.applicationId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(SigningSimulator.signatureFor(firstSigned.documentId()).get("requestsReceived").asInt())
                .as("the provider was asked to sign once").isEqualTo(1);
    }

    @Test
    void aProviderTimeoutIsRetriedAndTheDocumentIsSignedOnce() {
        SigningSimulator.misbehave("TIMEOUT", 1);
        SignAuthorisation sign = Applicants.zhangSanfengApplies();

        saga.send(sign);
        Envelope reply = saga.reply(sign.applicationId());

        assertThat(reply.type()).isEqualTo(AuthorisationSigned.TYPE.name());
        AuthorisationSigned signed = codec.payloadOf(reply, AuthorisationSigned.TYPE);
        JsonNode atProvider = SigningSimulator.signatureFor(signed.documentId());
        assertThat(atProvider.get("requestsReceived").asInt())
                .as("after the timeout we asked for the outcome instead of signing again").isEqualTo(1);
        assertThat(jdbc.sql("select provider_signature_id from document where id = ?").param(signed.documentId())
                .query(String.class).single()).isEqualTo(atProvider.get("signatureId").asString());
    }

    @Test
    void providerFailuresAreRetriedUntilItSigns() {
        SigningSimulator.misbehave("FAIL", 2);
        SignAuthorisation sign = Applicants.zhangSanfengApplies();

        saga.send(sign);

        assertThat(saga.reply(sign.applicationId()).type()).isEqualTo(AuthorisationSigned.TYPE.name());
    }

    @Test
    void aProviderThatKeepsFailingEndsInSigningFailedAndALaterCommandSigns() {
        SigningSimulator.misbehave("FAIL", 0);
        SignAuthorisation sign = Applicants.zhangSanfengApplies();

        saga.send(sign);
        Envelope failure = saga.reply(sign.applicationId());

        assertThat(failure.type()).isEqualTo(SigningFailed.TYPE.name());
        SigningFailed failed = codec.payloadOf(failure, SigningFailed.TYPE);
        assertThat(failed.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(failed.reason()).contains("503");
        assertThat(jdbc.sql("select state from document where application_id = ?").param(sign.applicationId())
                .query(String.class).single()).isEqualTo("FAILED");

        SigningSimulator.behave();
        saga.send(sign);
        Envelope retried = saga.reply(sign.applicationId(), Set.of(failure.id()));
        assertThat(retried.type()).isEqualTo(AuthorisationSigned.TYPE.name());
    }

    @Test
    void aRefusalIsNotRetriedAndEndsInSigningFailed() {
        SigningSimulator.misbehave("REJECT", 0);
        SignAuthorisation sign = Applicants.zhangSanfengApplies();

        saga.send(sign);
        SigningFailed failed = codec.payloadOf(saga.reply(sign.applicationId()), SigningFailed.TYPE);

        assertThat(failed.code()).isEqualTo("PROVIDER_REFUSED");
        assertThat(failed.reason()).contains("422");
    }

    @Test
    void anOpenCircuitFailsFastWithAReason() {
        circuitBreakers.circuitBreaker("esign-sign").transitionToForcedOpenState();
        SignAuthorisation sign = Applicants.zhangSanfengApplies();

        saga.send(sign);
        SigningFailed failed = codec.payloadOf(saga.reply(sign.applicationId()), SigningFailed.TYPE);

        assertThat(failed.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(failed.reason()).contains("circuit breaker");
    }

    private byte[] download(AuthorisationSigned signed, SignAuthorisation sign) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + environment.getRequiredProperty("local.server.port") + "/api/v1/documents/" + signed.documentId()))
                .header("Authorization", "Bearer " + TestTokens.appBackend())
                .header("X-Customer-Id", sign.customerId().toString()).GET().build();
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return response.body();
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
