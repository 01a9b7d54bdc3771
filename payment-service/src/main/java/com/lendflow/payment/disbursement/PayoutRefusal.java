package com.lendflow.payment.disbursement;

/** Why a payout was refused before anything was sent: {@code code} for machines, {@code reason} for staff. */
record PayoutRefusal(String code, String reason) {

    static final String CARD_NOT_BOUND = "CARD_NOT_BOUND";
    static final String CARD_DAILY_LIMIT = "CARD_DAILY_LIMIT";
    static final String CHANNEL_LIMIT = "CHANNEL_LIMIT";
    static final String INVALID_AMOUNT = "INVALID_AMOUNT";
}
