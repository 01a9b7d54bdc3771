package com.lendflow.esign.document;

import com.lendflow.platform.security.crypto.EncryptedStringConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A document in the archive. Its PDFs print the customer's name, so they are kept only
 * encrypted; the SHA-256 of each plain PDF sits beside it for anyone to verify a copy against.
 */
@Entity
@Table(name = "document")
class Document {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DocumentKind kind;

    @Column(name = "application_id", nullable = false, updatable = false)
    private UUID applicationId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Column(name = "template_version", nullable = false, updatable = false)
    private String templateVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentState state;

    @Column(name = "rendered_sha256", nullable = false, updatable = false)
    private String renderedSha256;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "rendered_pdf_encrypted", nullable = false, updatable = false)
    private String renderedPdf;

    @Column(name = "signed_sha256")
    private String signedSha256;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "signed_pdf_encrypted")
    private String signedPdf;

    @Column(name = "provider_signature_id")
    private String providerSignatureId;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Version
    private long version;

    protected Document() {
    }

    static Document rendered(DocumentKind kind, UUID applicationId, UUID customerId, String templateVersion,
                             byte[] pdf, Instant now) {
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.kind = kind;
        document.applicationId = applicationId;
        document.customerId = customerId;
        document.templateVersion = templateVersion;
        document.state = DocumentState.RENDERED;
        document.renderedSha256 = Sha256.of(pdf);
        document.renderedPdf = Base64.getEncoder().encodeToString(pdf);
        document.createdAt = now;
        document.updatedAt = now;
        return document;
    }

    /** A document Lendflow issues itself: final as rendered. */
    static Document issued(DocumentKind kind, UUID applicationId, UUID customerId, String templateVersion, byte[] pdf,
                           Instant now) {
        Document document = rendered(kind, applicationId, customerId, templateVersion, pdf, now);
        document.state = DocumentState.ISSUED;
        return document;
    }

    /** The PDF a reader gets: the signed one, or for an issued document the one rendered. */
    byte[] finalPdf() {
        return state == DocumentState.ISSUED ? renderedPdf() : signedPdf();
    }

    String finalSha256() {
        return state == DocumentState.ISSUED ? renderedSha256 : signedSha256;
    }

    void signed(String signatureId, byte[] pdf, Instant signedAt, Instant now) {
        moveTo(DocumentState.SIGNED);
        this.providerSignatureId = signatureId;
        this.signedSha256 = Sha256.of(pdf);
        this.signedPdf = Base64.getEncoder().encodeToString(pdf);
        this.signedAt = signedAt;
        this.failureCode = null;
        this.failureReason = null;
        this.updatedAt = now;
    }

    void failed(String code, String reason, Instant now) {
        moveTo(DocumentState.FAILED);
        this.failureCode = code;
        this.failureReason = reason;
        this.updatedAt = now;
    }

    void retried(Instant now) {
        moveTo(DocumentState.RENDERED);
        this.updatedAt = now;
    }

    private void moveTo(DocumentState next) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("document " + id + " cannot go from " + state + " to " + next);
        }
        state = next;
    }

    ArchivedDocument archived() {
        return new ArchivedDocument(id, kind, applicationId, customerId, templateVersion, state, renderedSha256,
                signedSha256, providerSignatureId, failureCode, failureReason, createdAt, signedAt);
    }

    byte[] renderedPdf() {
        return Base64.getDecoder().decode(renderedPdf);
    }

    byte[] signedPdf() {
        return signedPdf == null ? null : Base64.getDecoder().decode(signedPdf);
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    DocumentState state() {
        return state;
    }
}
