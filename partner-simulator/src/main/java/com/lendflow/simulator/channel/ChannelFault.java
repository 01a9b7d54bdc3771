package com.lendflow.simulator.channel;

import java.time.Duration;

/**
 * How the simulated channel misbehaves on transfers (payouts and collections alike, except the
 * collection-only card faults), and for how many.
 *
 * @param mode  what goes wrong
 * @param delay how long a {@link Mode#TIMEOUT} stays PROCESSING, or how late a
 *              {@link Mode#LATE_CALLBACK} arrives (default 3 s, at most 2 minutes)
 * @param times how many transfers it applies to before the channel behaves again; 0 or null means
 *              until the fault is cleared
 */
record ChannelFault(Mode mode, Duration delay, Integer times) {

    static final ChannelFault NONE = new ChannelFault(Mode.NONE, null, null);

    enum Mode {
        NONE,
        /** Accepts, sends no callback; a query says PROCESSING for {@code delay}, then SUCCESS. */
        TIMEOUT,
        /** Accepts, then the transfer fails (card frozen at the bank); the callback says FAILED. */
        FAIL,
        /** Moves the money but answers the submission with a 500: an unknown outcome; no callback. */
        UNKNOWN,
        /** Succeeds and sends the same callback twice. */
        DUPLICATE_CALLBACK,
        /** Succeeds at once (a query says SUCCESS) but the callback arrives {@code delay} later. */
        LATE_CALLBACK,
        /**
         * Collections only: the payer's card has too little money; the callback says FAILED with
         * {@code INSUFFICIENT_FUNDS}. Payouts pass it by without using it up.
         */
        INSUFFICIENT_FUNDS,
        /** Collections only: the payer's card is frozen at its bank; FAILED with {@code CARD_FROZEN}. */
        CARD_FROZEN;

        /** A fault of the card being debited, which a payout (crediting the card) does not meet. */
        boolean collectionOnly() {
            return this == INSUFFICIENT_FUNDS || this == CARD_FROZEN;
        }
    }

    ChannelFault {
        if (mode == null) {
            mode = Mode.NONE;
        }
        if (delay == null || delay.isNegative() || delay.isZero()) {
            delay = Duration.ofSeconds(3);
        }
        if (delay.compareTo(Duration.ofMinutes(2)) > 0) {
            delay = Duration.ofMinutes(2);
        }
        if (times == null || times < 0) {
            times = 0;
        }
    }
}
