package com.lendflow.esign.document;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive as other features use it. Every method joins the caller's transaction (and
 * requires one), so the caller can publish what a change announces in the same commit.
 */
@Component
public class DocumentArchive {

    private final Documents documents;
    private final Clock clock;

    DocumentArchive(Documents documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ArchivedDocument> find(DocumentKind kind, UUID applicationId) {
        return documents.findByApplicationIdAndKind(applicationId, kind).map(Document::archived);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ArchivedDocument recordRendered(DocumentKind kind, UUID applicationId, UUID customerId,
                                           String templateVersion, byte[] pdf) {
        return documents.save(Document.rendered(kind, applicationId, customerId, templateVersion, pdf,
                clock.instant())).archived();
    }

    /**
     * Archives a document Lendflow issues itself (no provider signature), once per application and
     * kind: empty if one is archived already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ArchivedDocument> recordIssued(DocumentKind kind, UUID applicationId, UUID customerId,
                                                   String templateVersion, byte[] pdf) {
        if (documents.findByApplicationIdAndKind(applicationId, kind).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(documents.save(Document.issued(kind, applicationId, customerId, templateVersion, pdf,
                clock.instant())).archived());
    }

    /** The unsigned PDF, exactly as first rendered: a retry must ask the provider to sign the same bytes. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public byte[] renderedPdf(UUID id) {
        return load(id).renderedPdf();
    }

    /** A failed document goes back to RENDERED for another attempt with the same provider request id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ArchivedDocument retry(UUID id) {
        Document document = load(id);
        document.retried(clock.instant());
        return document.archived();
    }

    /**
     * Archives the signed PDF. Returns empty if the document was signed already (by a concurrent
     * attempt with the same provider request id), so the caller announces it only once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ArchivedDocument> recordSigned(UUID id, String providerSignatureId, byte[] signedPdf,
                                                   Instant signedAt) {
        Document document = load(id);
        if (document.state() == DocumentState.SIGNED) {
            return Optional.empty();
        }
        // The database keeps microseconds: truncated now, the first announcement and a repeated one read the same.
        document.signed(providerSignatureId, signedPdf, signedAt.truncatedTo(ChronoUnit.MICROS), clock.instant());
        return Optional.of(document.archived());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ArchivedDocument> recordFailed(UUID id, String code, String reason) {
        Document document = load(id);
        if (document.state() != DocumentState.RENDERED) {
            return Optional.empty();
        }
        document.failed(code, reason, clock.instant());
        return Optional.of(document.archived());
    }

    private Document load(UUID id) {
        return documents.findById(id).orElseThrow(() -> new IllegalStateException("no document " + id));
    }
}
