package com.lendflow.payment.repayment;

/**
 * Why a collection was refused before anything was sent, or failed at the channel: {@code code} for
 * machines (the WithholdingFailed codes), {@code reason} for people.
 */
record CollectionRefusal(String code, String reason) {

    static final String NO_CARD = "NO_CARD";
    static final String CARD_LIMIT = "CARD_LIMIT";
    static final String CHANNEL_REFUSED = "CHANNEL_REFUSED";
    static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    static final String CARD_FROZEN = "CARD_FROZEN";
    static final String CHANNEL_NO_RECORD = "CHANNEL_NO_RECORD";

    /** The channel's failure code in our words: what the borrower's card did, or that the channel said no. */
    static String fromChannel(String channelCode) {
        if (channelCode == null) {
            return CHANNEL_REFUSED;
        }
        return switch (channelCode) {
            case INSUFFICIENT_FUNDS -> INSUFFICIENT_FUNDS;
            case CARD_FROZEN, "CARD_ABNORMAL" -> CARD_FROZEN;
            case CHANNEL_NO_RECORD -> CHANNEL_NO_RECORD;
            default -> CHANNEL_REFUSED;
        };
    }
}
