package com.lendflow.esign.provider;

/** The circuit breaker is open: the provider was not called. Not retried; a later command tries again. */
public class ProviderCircuitOpen extends ProviderUnavailable {

    public ProviderCircuitOpen(String message, Throwable cause) {
        super(message, false, cause);
    }
}
