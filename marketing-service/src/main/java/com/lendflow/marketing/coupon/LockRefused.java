package com.lendflow.marketing.coupon;

/** A lock the coupon (or the command) does not allow, with a reason staff can act on. */
class LockRefused extends RuntimeException {

    private final LockRefusal code;

    LockRefused(LockRefusal code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    LockRefusal code() {
        return code;
    }

    String reason() {
        return getMessage();
    }
}
