package com.lendflow.limit.creditline;

import java.util.UUID;

/** A request for a customer who has no credit line. */
class CreditLineMissing extends RuntimeException {

    private final UUID customerId;

    CreditLineMissing(UUID customerId) {
        super("customer " + customerId + " has no credit line", null, false, false);
        this.customerId = customerId;
    }

    UUID customerId() {
        return customerId;
    }
}
