package com.lendflow.esign.provider;

/**
 * The provider could not be reached, failed (5xx), answered too late or its circuit is open.
 * After a timeout the document may have been signed: the next attempt asks before signing.
 */
public class ProviderUnavailable extends RuntimeException {

    private final boolean outcomeUnknown;

    public ProviderUnavailable(String message, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
