package com.lendflow.payment.card;

/** Where a card is in its binding. */
public enum CardState {
    /** Recorded; the channel has not yet texted a code. */
    PENDING,
    /** The channel texted a code to the reserved mobile; waiting for the customer to confirm it. */
    CODE_SENT,
    /** The withholding agreement is signed: money can be paid to and collected from this card. */
    BOUND,
    /** Too many wrong codes: this binding can no longer be confirmed. */
    LOCKED
}
