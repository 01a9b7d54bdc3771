package com.lendflow.esign.document;

public enum DocumentState {
    /** Rendered and archived unsigned; the provider has been or is about to be asked to sign it. */
    RENDERED,
    /** Signed by the provider and archived with the SHA-256 of the signed PDF. Final. */
    SIGNED,
    /** The provider refused or could not be reached; a later command for the application tries again. */
    FAILED,
    /** Issued by Lendflow without the provider's signature (a settlement certificate); the rendered PDF is the document. Final. */
    ISSUED;

    boolean canTransitionTo(DocumentState next) {
        return switch (this) {
            case RENDERED -> next == SIGNED || next == FAILED;
            case FAILED -> next == RENDERED;
            case SIGNED, ISSUED -> false;
        };
    }
}
