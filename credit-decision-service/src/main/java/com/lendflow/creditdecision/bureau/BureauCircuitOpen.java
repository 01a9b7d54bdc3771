package com.lendflow.creditdecision.bureau;

/** The circuit breaker is open: the bureau was not called. Not retried; a later command tries again. */
public class BureauCircuitOpen extends BureauUnavailable {

    public BureauCircuitOpen(String message, Throwable cause) {
        super(message, cause);
    }
}
