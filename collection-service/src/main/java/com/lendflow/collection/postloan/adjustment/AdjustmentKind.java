package com.lendflow.collection.postloan.adjustment;

/** What an adjustment does to a loan, as core-ledger's AdjustLoan names it. */
public enum AdjustmentKind {
    /** 展期: more periods; what is outstanding is rescheduled over them. */
    EXTENSION,
    /** 息费减免: part of the penalty and interest owed is waived. */
    WAIVER,
    /** Everything owed becomes a new schedule, optionally at a new rate. */
    RESTRUCTURE,
    /** 核销: principal and interest written off; the debt stays collectable. */
    WRITE_OFF
}
