package com.lendflow.limit.creditline;

/** A grant the line (or the command) does not allow, with a reason staff can act on. */
class GrantRefused extends RuntimeException {

    private final GrantRefusal code;

    GrantRefused(GrantRefusal code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    GrantRefusal code() {
        return code;
    }

    String reason() {
        return getMessage();
    }
}
