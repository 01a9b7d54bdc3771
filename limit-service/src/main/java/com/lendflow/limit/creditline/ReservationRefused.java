package com.lendflow.limit.creditline;

/** A reservation the line (or the command) does not allow, with a reason staff can act on. */
class ReservationRefused extends RuntimeException {

    private final ReservationRefusal code;

    ReservationRefused(ReservationRefusal code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    ReservationRefusal code() {
        return code;
    }

    String reason() {
        return getMessage();
    }
}
