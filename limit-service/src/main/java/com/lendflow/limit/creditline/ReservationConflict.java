package com.lendflow.limit.creditline;

/**
 * A confirmation the line's records cannot explain: no reservation for the drawdown, or one that
 * was refused or released. The money has moved by then, so guessing would be worse than stopping:
 * the command fails (and ends on the dead-letter topic) with this reason for staff.
 */
class ReservationConflict extends IllegalStateException {

    ReservationConflict(String reason) {
        super(reason);
    }
}
