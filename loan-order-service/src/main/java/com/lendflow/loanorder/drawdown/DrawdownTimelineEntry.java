package com.lendflow.loanorder.drawdown;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One line of a drawdown's history, as ops staff read it; {@code details} never holds personal data. */
record DrawdownTimelineEntry(Instant at, Kind kind, DrawdownState state, DrawdownStep step, String messageType,
                             UUID messageId, Integer attempt, String note, Map<String, Object> details) {

    enum Kind {
        SUBMITTED,
        COMMAND_SENT,
        COMMAND_RESENT,
        REPLY_RECEIVED,
        REPLY_IGNORED,
        STATE_CHANGED,
        STEP_TIMED_OUT,
        /** The contract's route and schedule were prepared, or could not be. */
        PREPARED,
        PREPARATION_FAILED,
        /** A reservation was released to compensate a failure. */
        COMPENSATION_SENT,
        /** A reservation was made final after the payout (limit occupied, coupon redeemed, funding confirmed). */
        CONFIRMATION_SENT,
        CONCLUDED,
        CUSTOMER_NOTIFIED
    }
}
