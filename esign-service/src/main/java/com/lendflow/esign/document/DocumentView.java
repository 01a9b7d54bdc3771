package com.lendflow.esign.document;

import java.time.Instant;
import java.util.UUID;

/** A document's metadata: what it is, its state and the hash to verify a copy; no personal data. */
public record DocumentView(UUID id, DocumentKind kind, UUID applicationId, String templateVersion,
                           DocumentState state, String sha256, String providerSignatureId, Instant createdAt,
                           Instant signedAt, String failureCode) {

    static DocumentView of(ArchivedDocument document) {
        return new DocumentView(document.id(), document.kind(), document.applicationId(), document.templateVersion(),
                document.state(), document.state() == DocumentState.ISSUED ? document.renderedSha256()
                        : document.signedSha256(), document.providerSignatureId(), document.createdAt(),
                document.signedAt(), document.failureCode());
    }
}
