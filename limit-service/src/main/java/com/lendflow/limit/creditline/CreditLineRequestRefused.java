package com.lendflow.limit.creditline;

/** A freeze, unfreeze or lowering that cannot be carried out as sent, naming the field at fault. */
class CreditLineRequestRefused extends RuntimeException {

    private final String field;

    CreditLineRequestRefused(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
