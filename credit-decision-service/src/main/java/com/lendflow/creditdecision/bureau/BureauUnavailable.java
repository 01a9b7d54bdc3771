package com.lendflow.creditdecision.bureau;

/** The bureau could not be reached, failed (5xx), answered too late or unusably, or its circuit is open. */
public class BureauUnavailable extends RuntimeException {

    public BureauUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
