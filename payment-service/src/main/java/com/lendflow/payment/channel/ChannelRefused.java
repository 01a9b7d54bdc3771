package com.lendflow.payment.channel;

/** The channel refused a request outright (a 4xx): retrying the same request changes nothing. */
public class ChannelRefused extends RuntimeException {

    private final int status;

    public ChannelRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
