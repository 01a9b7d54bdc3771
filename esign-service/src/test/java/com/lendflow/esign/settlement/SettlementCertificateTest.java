package com.lendflow.esign.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.esign.EsignIntegrationTest;
import com.lendflow.esign.LoanOrderStub;
import com.lendflow.esign.document.Sha256;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SettlementCertificateTest extends EsignIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired Environment environment;
    @Autowired EnvelopeCodec codec;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    @Test
    void aSettledLoanGetsOneCertificateThatItsBorrowerAndOpsCanReadAndNobodyElse() throws Exception {
        UUID customerId = LoanOrderStub.customerNamed("张三丰");
        UUID loanId = UUID.randomUUID();
        LoanSettled settled = new LoanSettled(loanId, customerId, LocalDate.of(2026, 4, 15), "100.00", "0.53", "0.00",
                "0.00");

        Envelope first = publish(settled);
        Envelope again = publish(settled);

        HttpResponse<byte[]> pdf = awaitCertificate(loanId, customerId);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(pdf.headers().firstValue("X-Content-SHA256")).hasValue(Sha256.of(pdf.body()));
        String text = textOf(pdf.body()).replace("\n", "");
        assertThat(text).contains("结清证明").contains("张三丰").contains(loanId.toString())
                .contains("借款本金人民币 100.00 元").contains("利息人民币 0.53 元").contains("合计人民币 100.53 元")
                .contains("2026年4月15日 全部结清").contains("已无任何未偿债务");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                        "select count(*) from messaging.inbox where consumer = ? and message_id in (?, ?)")
                .params(LoanSettledOnEvent.CONSUMER, first.id(), again.id()).query(Long.class).single() == 2);
        assertThat(jdbc.sql("select count(*) from document where application_id = ?").param(loanId).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(download(loanId, customerId).body()).isEqualTo(pdf.body());

        assertThat(download(loanId, UUID.randomUUID()).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> asOps = get("/api/v1/loans/" + loanId + "/settlement-certificate",
                TestTokens.staff("agent.li", "OPS_AGENT"), null);
        assertThat(asOps.statusCode()).isEqualTo(200);
        String documentId = pdf.headers().firstValue("X-Document-Id").orElseThrow();
        HttpResponse<byte[]> metadata = get("/api/v1/documents/" + documentId + "/metadata",
                TestTokens.staff("agent.li", "OPS_AGENT"), null);
        JsonNode view = json.readTree(new String(metadata.body(), StandardCharsets.UTF_8));
        assertThat(view.get("kind").asString()).isEqualTo("SETTLEMENT_CERTIFICATE");
        assertThat(view.get("state").asString()).isEqualTo("ISSUED");
        assertThat(view.get("sha256").asString()).isEqualTo(Sha256.of(pdf.body()));
        assertThat(jdbc.sql("select count(*) from audit.audit_record where subject_id = ? and action = 'document.download'")
                .param(documentId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void untilItIsIssuedTheCertificateIs404AndAnUnreachableLoanOrderIsAskedAgain() throws Exception {
        UUID customerId = LoanOrderStub.customerNamed("李四");
        UUID loanId = UUID.randomUUID();
        LoanOrderStub.failsFor(customerId);
        publish(new LoanSettled(loanId, customerId, LocalDate.of(2026, 5, 16), "300.00", "3.00", "0.45", "0.00"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                        "select count(*) from settlement_certificate_request where loan_id = ? and attempts >= 2 "
                                + "and state = 'PENDING' and last_error like '%503%'")
                .param(loanId).query(Long.class).single() == 1);
        HttpResponse<byte[]> notYet = download(loanId, customerId);
        assertThat(notYet.statusCode()).isEqualTo(404);
        assertThat(new String(notYet.body(), StandardCharsets.UTF_8)).contains("no settlement certificate has been issued");

        LoanOrderStub.recovers(customerId);
        String text = textOf(awaitCertificate(loanId, customerId).body()).replace("\n", "");
        assertThat(text).contains("李四").contains("罚息人民币 0.45 元").contains("合计人民币 303.45 元");
    }

    private Envelope publish(LoanSettled settled) {
        Envelope envelope = codec.wrap(LoanSettled.TYPE, settled.loanId().toString(), settled, UUID.randomUUID(),
                settled.loanId(), null, Instant.now());
        KafkaProbe.send(Topics.CORE_LEDGER_LOAN, envelope.aggregateId(), codec.encode(envelope));
        return envelope;
    }

    private HttpResponse<byte[]> awaitCertificate(UUID loanId, UUID customerId) {
        @SuppressWarnings("unchecked")
        HttpResponse<byte[]>[] last = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = download(loanId, customerId);
            return last[0].statusCode() == 200;
        });
        return last[0];
    }

    private HttpResponse<byte[]> download(UUID loanId, UUID customerId) throws Exception {
        return get("/api/v1/loans/" + loanId + "/settlement-certificate", TestTokens.appBackend(), customerId);
    }

    private HttpResponse<byte[]> get(String path, String token, UUID customerId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
                + environment.getRequiredProperty("local.server.port") + path)).header("Authorization", "Bearer " + token);
        if (customerId != null) {
            request.header("X-Customer-Id", customerId.toString());
        }
        return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
