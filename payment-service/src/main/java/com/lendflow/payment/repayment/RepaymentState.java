package com.lendflow.payment.repayment;

/** Where a repayment order is. REFUSED, FAILED and REVERSED are final; SUCCEEDED may still be reversed. */
enum RepaymentState {
    /** Refused before anything was sent (no bound card, a limit): no money moved. */
    REFUSED,
    /** Recorded under its request number; not yet handed to the channel. */
    PENDING,
    /** Being handed to the channel. If it stays here, the process died mid-call: query. */
    SENDING,
    /** The channel took it; its outcome comes by callback, or by query if the callback is late. */
    SUBMITTED,
    /** No answer or a 5xx on submission: the money may have moved. Queried until the channel says. */
    UNKNOWN,
    SUCCEEDED,
    /** The channel said no: no money moved. */
    FAILED,
    /** The channel collected it, then gave the money back to the card. */
    REVERSED;

    boolean inFlight() {
        return this == PENDING || this == SENDING || this == SUBMITTED || this == UNKNOWN;
    }

    /** As the customer sees it: PROCESSING, SUCCEEDED, FAILED or REVERSED. */
    String status() {
        return switch (this) {
            case PENDING, SENDING, SUBMITTED, UNKNOWN -> "PROCESSING";
            case SUCCEEDED -> "SUCCEEDED";
            case REFUSED, FAILED -> "FAILED";
            case REVERSED -> "REVERSED";
        };
    }
}
