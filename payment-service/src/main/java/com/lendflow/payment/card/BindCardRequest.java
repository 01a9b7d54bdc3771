package com.lendflow.payment.card;

/**
 * What the app sends to bind a card. Checked by {@link StartCardBinding}, which names each field
 * at fault; toString shows none of it.
 */
record BindCardRequest(String cardNumber, String holderName, String reservedMobile) {

    @Override
    public String toString() {
        return "BindCardRequest[***]";
    }
}
