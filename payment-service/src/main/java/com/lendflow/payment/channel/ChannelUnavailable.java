package com.lendflow.payment.channel;

/** The channel could not be reached, failed, or did not answer in time; nothing it said can be relied on. */
public class ChannelUnavailable extends RuntimeException {

    public ChannelUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
