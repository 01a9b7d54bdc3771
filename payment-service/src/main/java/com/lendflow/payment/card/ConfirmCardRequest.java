package com.lendflow.payment.card;

/** The code the customer received by SMS. */
record ConfirmCardRequest(String code) {

    @Override
    public String toString() {
        return "ConfirmCardRequest[code=******]";
    }
}
