package com.lendflow.esign.provider;

import java.time.Instant;

/** The provider's signature: its id, the signed PDF and when it signed. */
public record ProviderSignature(String signatureId, byte[] signedDocument, Instant signedAt) {

    @Override
    public String toString() {
        return "ProviderSignature[signatureId=" + signatureId + ", bytes=" + signedDocument.length + ", signedAt="
                + signedAt + "]";
    }
}
