package com.lendflow.loanorder.drawdown;

/** What the saga must do after the drawdown took a reply or a timeout; several may apply, in order. */
enum Effect {
    /** Send the current step's command. */
    SEND_COMMAND,
    /** Prepare the contract (route preview, schedule) after the commit, outside the transaction. */
    PREPARE_CONTRACT,
    /** Compensation, in reverse order of reservation. */
    RELEASE_FUNDING,
    RELEASE_COUPON,
    RELEASE_LIMIT,
    /** After the payout: make the reservations final. */
    CONFIRM_LIMIT,
    REDEEM_COUPON,
    CONFIRM_FUNDING,
    /** The drawdown reached a final state: announce it and tell the customer. */
    CONCLUDE
}
