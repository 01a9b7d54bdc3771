package com.lendflow.reconciliation.statement;

/** A file that cannot be trusted as a whole (wrong header, bad trailer, truncated, a key twice): none of it is used. */
public class BadStatement extends RuntimeException {

    public BadStatement(String reason) {
        super(reason);
    }
}
