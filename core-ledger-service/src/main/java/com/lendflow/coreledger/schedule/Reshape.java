package com.lendflow.coreledger.schedule;

/** What a partial prepayment does to the rest of the schedule; the borrower chooses. */
public enum Reshape {
    /** Keep the installment, finish sooner. */
    SHORTEN_TERM,
    /** Keep the remaining due dates, pay less each time. */
    LOWER_INSTALLMENT
}
