package com.lendflow.limit.creditline;

public enum ReservationState {
    /** Set aside on the line while the drawdown goes through its steps. */
    RESERVED,
    /** The drawdown was disbursed; the amount is drawn on the line. Final here (repayment restores the line). */
    OCCUPIED,
    /** The drawdown failed; the amount is available again. Final. */
    RELEASED,
    /** Nothing was reserved; the refusal is the drawdown's answer for good. Final. */
    REFUSED;

    boolean canTransitionTo(ReservationState next) {
        return this == RESERVED && (next == OCCUPIED || next == RELEASED);
    }
}
