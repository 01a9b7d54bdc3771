package com.lendflow.payment.transfer;

/**
 * Where a channel transfer is. It moves only forward: REFUSED, FAILED and REVERSED are final;
 * SUCCEEDED is final for a payout and may still be reversed for a collection whose money the channel
 * gives back.
 */
public enum TransferState {
    /** Refused before anything was sent (no bound card, a limit): no money moved. */
    REFUSED,
    /** Checked and recorded under its request number; not yet handed to the channel. */
    PENDING,
    /** Being handed to the channel right now. If it stays here, the process died mid-call: query. */
    SENDING,
    /** The channel took it; its outcome comes by callback, or by query if the callback is late. */
    SUBMITTED,
    /** No answer or a 5xx on submission: the money may have moved. Queried until the channel says. */
    UNKNOWN,
    SUCCEEDED,
    /** The channel said no: no money moved. */
    FAILED,
    /** The channel moved the money, then gave it back (collections only). */
    REVERSED;

    /** Not settled yet: the channel's first final word decides it. */
    public boolean inFlight() {
        return this == PENDING || this == SENDING || this == SUBMITTED || this == UNKNOWN;
    }

    /** As a customer sees it: PROCESSING, SUCCEEDED, FAILED or REVERSED. */
    public String status() {
        return switch (this) {
            case PENDING, SENDING, SUBMITTED, UNKNOWN -> "PROCESSING";
            case SUCCEEDED -> "SUCCEEDED";
            case REFUSED, FAILED -> "FAILED";
            case REVERSED -> "REVERSED";
        };
    }
}
