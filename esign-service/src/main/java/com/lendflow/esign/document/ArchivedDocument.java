package com.lendflow.esign.document;

import java.time.Instant;
import java.util.UUID;

/** What the archive tells other features about a document; never its content. */
public record ArchivedDocument(UUID id, DocumentKind kind, UUID applicationId, UUID customerId,
                               String templateVersion, DocumentState state, String renderedSha256,
                               String signedSha256, String providerSignatureId, String failureCode,
                               String failureReason, Instant createdAt, Instant signedAt) {
}
