package com.lendflow.simulator.bureau;

import java.time.Duration;

/**
 * How the simulated credit bureau misbehaves, and for how many report queries.
 *
 * @param mode  what goes wrong
 * @param delay how long a {@link Mode#TIMEOUT} holds the answer back (default 5 s, longer than any
 *              client timeout of ours; at most 2 minutes)
 * @param times how many queries it applies to before the bureau behaves again; 0 or null means
 *              until the fault is cleared
 */
record BureauFault(Mode mode, Duration delay, Integer times) {

    static final BureauFault NONE = new BureauFault(Mode.NONE, null, null);

    enum Mode {
        NONE,
        /** Answers the report only after {@code delay}: the caller sees a timeout. */
        TIMEOUT,
        /** Answers 503, as a bureau that is down or in maintenance. */
        FAIL,
        /** Answers 200 with a body that is not a report (truncated JSON). */
        MALFORMED,
        /** Answers 403: the bureau does not accept the authorisation; no retry changes that. */
        REFUSE
    }

    BureauFault {
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
