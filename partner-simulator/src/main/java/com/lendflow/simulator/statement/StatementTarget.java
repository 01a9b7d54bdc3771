package com.lendflow.simulator.statement;

/** Which kind of statement a fault or a break is for. */
enum StatementTarget {
    /** The payment channel's daily statement. */
    CHANNEL,
    /** A funding partner's daily statement. */
    FUNDING
}
