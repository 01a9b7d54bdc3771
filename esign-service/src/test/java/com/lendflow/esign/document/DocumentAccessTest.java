package com.lendflow.esign.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.esign.AuthorisationSigned;
import com.lendflow.contracts.esign.SignAuthorisation;
import com.lendflow.esign.CreditLineSaga;
import com.lendflow.esign.EsignIntegrationTest;
import com.lendflow.esign.SigningSimulator;
import com.lendflow.esign.authorisation.Applicants;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DocumentAccessTest extends EsignIntegrationTest {

    @Autowired Environment environment;
    @Autowired EnvelopeCodec codec;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    HttpProbe service;
    /**
     * One authorisation, signed through Kafka and the simulator once for the class: every test
     * only reads it (the one staff download is the one audited), so signing one per test only
     * repeated the round trip that AuthorisationSigningTest proves.
     */
    static SignAuthorisation sign;
    static AuthorisationSigned signed;

    @BeforeEach
    void aSignedAuthorisation() {
        service = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
        if (signed == null) {
            SigningSimulator.behave();
            CreditLineSaga saga = new CreditLineSaga(codec);
            sign = Applicants.zhangSanfengApplies();
            saga.send(sign);
            signed = codec.payloadOf(saga.reply(sign.applicationId()), AuthorisationSigned.TYPE);
        }
    }

    @Test
    void theOwnerDownloadsTheSignedPdf() {
        HttpResponse<String> pdf = asCustomer(sign.customerId()).get("/api/v1/documents/" + signed.documentId());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("X-Content-SHA256")).hasValue(signed.sha256());
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void anotherCustomerGets404AsIfTheDocumentDidNotExist() {
        HttpResponse<String> pdf = asCustomer(UUID.randomUUID()).get("/api/v1/documents/" + signed.documentId());
        HttpResponse<String> metadata = asCustomer(UUID.randomUUID())
                .get("/api/v1/documents/" + signed.documentId() + "/metadata");

        assertThat(pdf.statusCode()).isEqualTo(404);
        assertThat(metadata.statusCode()).isEqualTo(404);
        assertThat(json.readTree(pdf.body()).get("title").asString()).isEqualTo("Document not found");
    }

    @Test
    void opsStaffDownloadAndTheDownloadIsAudited() {
        HttpResponse<String> pdf = service.bearer(TestTokens.staff("agent.li", "OPS_AGENT"))
                .get("/api/v1/documents/" + signed.documentId());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where subject_id = ? and action = 'document.download'")
                .param(signed.documentId().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void staffWithoutAnOpsRoleForDocumentsAreRefusedAndStrangersAreUnauthenticated() {
        HttpResponse<String> finance = service.bearer(TestTokens.staff("fin.wang", "FINANCE"))
                .get("/api/v1/documents/" + signed.documentId());
        HttpResponse<String> anonymous = service.get("/api/v1/documents/" + signed.documentId());

        assertThat(finance.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theMetadataShowsHashAndStateButNoPersonalData() {
        HttpResponse<String> response = asCustomer(sign.customerId())
                .get("/api/v1/documents/" + signed.documentId() + "/metadata");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = json.readTree(response.body());
        assertThat(metadata.get("sha256").asString()).isEqualTo(signed.sha256());
        assertThat(metadata.get("state").asString()).isEqualTo("SIGNED");
        assertThat(metadata.get("kind").asString()).isEqualTo("CREDIT_AUTHORISATION");
        assertThat(metadata.get("templateVersion").asString()).isEqualTo("CA-1");
        assertThat(metadata.get("signedAt").isNull()).isFalse();
        assertThat(response.body()).doesNotContain(Applicants.NAME).doesNotContain(Applicants.ID_NUMBER)
                .doesNotContain("张");
    }

    @Test
    void anUnknownDocumentIs404() {
        assertThat(asCustomer(sign.customerId()).get("/api/v1/documents/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    private HttpProbe asCustomer(UUID customerId) {
        return service.bearer(TestTokens.appBackend()).with("X-Customer-Id", customerId.toString());
    }
}
