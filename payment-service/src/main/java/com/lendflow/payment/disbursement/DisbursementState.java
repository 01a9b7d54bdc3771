package com.lendflow.payment.disbursement;

/** Where a disbursement is. REFUSED, SUCCEEDED and FAILED are final. */
enum DisbursementState {
    /** Refused before anything was sent (card not bound, a limit): no money moved. */
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
    FAILED;

    boolean isFinal() {
        return this == REFUSED || this == SUCCEEDED || this == FAILED;
    }
}
