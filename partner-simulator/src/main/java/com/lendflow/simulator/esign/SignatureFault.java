package com.lendflow.simulator.esign;

import java.time.Duration;

/**
 * How the simulated e-signature provider misbehaves, and for how many signing calls.
 *
 * @param mode  what goes wrong
 * @param delay how long a {@link Mode#TIMEOUT} holds the answer back (default 5 s, longer than
 *              any client timeout of ours; at most 2 minutes)
 * @param times how many signing calls it applies to before the provider behaves again; 0 or
 *              null means until the fault is cleared
 */
record SignatureFault(Mode mode, Duration delay, Integer times) {

    static final SignatureFault NONE = new SignatureFault(Mode.NONE, null, null);

    enum Mode {
        NONE,
        /** Signs, then answers only after {@code delay}: the caller sees a timeout, an unknown outcome. */
        TIMEOUT,
        /** Answers 503 without signing, as a provider that is down. */
        FAIL,
        /** Answers 422 without signing: a business refusal that no retry changes. */
        REJECT
    }

    SignatureFault {
        if (mode == null) {
            mode = Mode.NONE;
        }
        if (delay == null || delay.isNegative() || delay.isZero()) {
            delay = Duration.ofSeconds(5);
        }
        if (delay.compareTo(Duration.ofMinutes(2)) > 0) {
            delay = Duration.ofMinutes(2);
        }
        if (times == null || times < 0) {
            times = 0;
        }
    }
}
