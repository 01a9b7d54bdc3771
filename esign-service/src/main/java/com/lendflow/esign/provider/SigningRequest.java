package com.lendflow.esign.provider;

import java.util.UUID;

/**
 * Ask the provider to sign {@code document} silently for the signer. {@code requestId} is the
 * document id: the provider signs one request id once, so retrying with it never signs twice.
 * {@link #toString()} leaves the signer's identity out.
 */
public record SigningRequest(UUID requestId, byte[] document, String documentSha256, String signerName,
                             String signerIdNumber) {

    @Override
    public String toString() {
        return "SigningRequest[requestId=" + requestId + ", documentSha256=" + documentSha256 + "]";
    }
}
