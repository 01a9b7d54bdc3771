package com.lendflow.esign.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.esign.AuthorisationSigned;
import com.lendflow.contracts.esign.LoanContractSigned;
import com.lendflow.contracts.esign.SignAuthorisation;
import com.lendflow.contracts.esign.SignLoanContract;
import com.lendflow.contracts.esign.SigningFailed;
import com.lendflow.esign.CreditLineSaga;
import com.lendflow.esign.DrawdownSaga;
import com.lendflow.esign.EsignIntegrationTest;
import com.lendflow.esign.SigningSimulator;
import com.lendflow.esign.document.Sha256;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
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
import tools.jackson.databind.json.JsonMapper;

class LoanContractSigningTest extends EsignIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;
    @Autowired CircuitBreakerRegistry circuitBreakers;

    DrawdownSaga saga;

    @BeforeEach
    void setUp() {
        saga = new DrawdownSaga(codec);
        SigningSimulator.behave();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @AfterEach
    void tearDown() {
        SigningSimulator.behave();
    }

    @Test
    void theHundredYuanLoanContractIsRenderedSignedAndArchivedWithItsHash() throws Exception {
        SignLoanContract sign = Borrowers.zhangSanfengBorrowsHundredYuan();

        saga.send(sign);
        Envelope reply = saga.reply(sign.drawdownId());

        assertThat(reply.type()).isEqualTo(LoanContractSigned.TYPE.name());
        LoanContractSigned signed = codec.payloadOf(reply, LoanContractSigned.TYPE);
        assertThat(signed.drawdownId()).isEqualTo(sign.drawdownId());
        assertThat(signed.customerId()).isEqualTo(sign.customerId());
        assertThat(signed.signedAt()).isNotNull();
        byte[] pdf = download(signed.documentId(), sign.customerId());
        assertThat(Sha256.of(pdf)).isEqualTo(signed.sha256());
        String text = textOf(pdf).replace("\n", "");
        assertThat(text).contains("借款合同").contains(Borrowers.NAME).contains(Borrowers.MASKED_ID_NUMBER)
                .contains("人民币 100.00 元").contains("3 个月").contains("等额本息").contains("9.125%")
                .contains("利息总额：人民币 1.53 元").contains("首期应还：人民币 33.84 元")
                .contains("首期还款日 2026年2月15日").contains("末期还款日 2026年4月15日")
                .contains(Borrowers.PARTNER).contains("签订日期：2026年1月15日")
                .doesNotContain(Borrowers.ID_NUMBER);
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the provider's signature block").contains("%LFSIG signatureId=");
        assertThat(SigningSimulator.signatureFor(signed.documentId()).get("signedDocumentSha256").asString())
                .isEqualTo(signed.sha256());

        JsonNode metadata = json.readTree(asCustomer(sign.customerId())
                .get("/api/v1/documents/" + signed.documentId() + "/metadata").body());
        assertThat(metadata.get("kind").asString()).isEqualTo("LOAN_CONTRACT");
        assertThat(metadata.get("applicationId").asString()).isEqualTo(sign.drawdownId().toString());
        assertThat(metadata.get("templateVersion").asString()).isEqualTo("LC-1");
        assertThat(metadata.get("state").asString()).isEqualTo("SIGNED");
        assertThat(metadata.get("sha256").asString()).isEqualTo(signed.sha256());
        var row = jdbc.sql("select rendered_pdf_encrypted, signed_pdf_encrypted from document where id = ?")
                .param(signed.documentId()).query().singleRow();
        assertThat((String) row.get("signed_pdf_encrypted")).startsWith("v1:").doesNotContain("JVBERi0");
        assertThat((String) row.get("rendered_pdf_encrypted")).startsWith("v1:").doesNotContain("JVBERi0");
    }

    @Test
    void theSameDrawdownIsSignedOnceHoweverOftenTheCommandArrives() {
        SignLoanContract sign = Borrowers.zhangSanfengBorrowsHundredYuan();
        Envelope command = saga.command(sign);

        saga.send(command);
        saga.send(command);
        Envelope first = saga.reply(sign.drawdownId());
        saga.send(sign); // the saga's re-send after a step timeout: a new message id
        Envelope second = saga.reply(sign.drawdownId(), Set.of(first.id()));

        LoanContractSigned firstSigned = codec.payloadOf(first, LoanContractSigned.TYPE);
        assertThat(codec.payloadOf(second, LoanContractSigned.TYPE)).isEqualTo(firstSigned);
        assertThat(jdbc.sql("select count(*) from document where application_id = ?").param(sign.drawdownId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(SigningSimulator.signatureFor(firstSigned.documentId()).get("requestsReceived").asInt())
                .as("the provider was asked to sign once").isEqualTo(1);
    }

    @Test
    void aCustomersAuthorisationAndLoanContractsAreSeparateDocuments() {
        SignLoanContract borrow = Borrowers.zhangSanfengBorrowsHundredYuan();
        SignAuthorisation authorise = new SignAuthorisation(UUID.randomUUID(), borrow.customerId(), Borrowers.NAME,
                Borrowers.ID_NUMBER, LocalDate.of(2026, 1, 10));
        CreditLineSaga creditLine = new CreditLineSaga(codec);

        creditLine.send(authorise);
        saga.send(borrow);
        AuthorisationSigned authorisation = codec.payloadOf(creditLine.reply(authorise.applicationId()),
                AuthorisationSigned.TYPE);
        LoanContractSigned contract = codec.payloadOf(saga.reply(borrow.drawdownId()), LoanContractSigned.TYPE);

        assertThat(contract.documentId()).isNotEqualTo(authorisation.documentId());
        assertThat(jdbc.sql("select kind from document where customer_id = ? order by kind").param(borrow.customerId())
                .query(String.class).list()).containsExactly("CREDIT_AUTHORISATION", "LOAN_CONTRACT");
    }

    @Test
    void aProviderThatKeepsFailingEndsInSigningFailedForTheDrawdownAndALaterCommandSigns() {
        SigningSimulator.misbehave("FAIL", 0);
        SignLoanContract sign = Borrowers.zhangSanfengBorrowsHundredYuan();

        saga.send(sign);
        Envelope failure = saga.reply(sign.drawdownId());

        assertThat(failure.type()).isEqualTo(SigningFailed.TYPE.name());
        SigningFailed failed = codec.payloadOf(failure, SigningFailed.TYPE);
        assertThat(failed.applicationId()).isEqualTo(sign.drawdownId());
        assertThat(failed.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(failed.reason()).contains("503");

        SigningSimulator.behave();
        saga.send(sign);
        Envelope retried = saga.reply(sign.drawdownId(), Set.of(failure.id()));
        assertThat(retried.type()).isEqualTo(LoanContractSigned.TYPE.name());
        assertThat(jdbc.sql("select count(*) from document where application_id = ?").param(sign.drawdownId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aProviderTimeoutIsRetriedAndTheContractIsSignedOnce() {
        SigningSimulator.misbehave("TIMEOUT", 1);
        SignLoanContract sign = Borrowers.zhangSanfengBorrowsHundredYuan();

        saga.send(sign);
        LoanContractSigned signed = codec.payloadOf(saga.reply(sign.drawdownId()), LoanContractSigned.TYPE);

        assertThat(SigningSimulator.signatureFor(signed.documentId()).get("requestsReceived").asInt())
                .as("after the timeout we asked for the outcome instead of signing again").isEqualTo(1);
    }

    @Test
    void termsNoBorrowerCouldSignAreRefusedNamingTheFieldAndNothingIsArchived() {
        SignLoanContract fractionOfAFen = Borrowers.withAmount("100.005");
        SignLoanContract unknownMethod = Borrowers.withMethod("PAY_WHENEVER");
        SignLoanContract usurious = Borrowers.withRate("0.36");

        assertThat(refusal(fractionOfAFen)).contains("amount").contains("whole fen");
        assertThat(refusal(unknownMethod)).contains("method").contains("EQUAL_INSTALLMENT").contains("PAY_WHENEVER");
        assertThat(refusal(usurious)).contains("annualRate").contains("0.24");
        assertThat(jdbc.sql("select count(*) from document where application_id in (?, ?, ?)")
                .param(fractionOfAFen.drawdownId()).param(unknownMethod.drawdownId()).param(usurious.drawdownId())
                .query(Long.class).single()).isZero();
    }

    private String refusal(SignLoanContract sign) {
        saga.send(sign);
        SigningFailed failed = codec.payloadOf(saga.reply(sign.drawdownId()), SigningFailed.TYPE);
        assertThat(failed.applicationId()).isEqualTo(sign.drawdownId());
        assertThat(failed.code()).isEqualTo("INVALID_COMMAND");
        return failed.reason();
    }

    private HttpProbe asCustomer(UUID customerId) {
        return HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class))
                .bearer(TestTokens.appBackend()).with("X-Customer-Id", customerId.toString());
    }

    private byte[] download(UUID documentId, UUID customerId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + environment.getRequiredProperty("local.server.port") + "/api/v1/documents/" + documentId))
                .header("Authorization", "Bearer " + TestTokens.appBackend())
                .header("X-Customer-Id", customerId.toString()).GET().build();
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
