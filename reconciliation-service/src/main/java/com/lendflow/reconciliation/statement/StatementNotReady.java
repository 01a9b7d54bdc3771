package com.lendflow.reconciliation.statement;

/** The source has no file for the date yet (404), or could not be reached: the run waits and tries again. */
public class StatementNotReady extends RuntimeException {

    public StatementNotReady(String reason) {
        super(reason);
    }
}
