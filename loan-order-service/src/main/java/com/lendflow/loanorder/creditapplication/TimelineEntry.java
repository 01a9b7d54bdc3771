package com.lendflow.loanorder.creditapplication;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of an application's history, as ops staff read it: what happened, in which state,
 * for which step, with which message, and why. {@code details} carries the reasons a reply gave
 * (fired rules, reviewer comment, decision reasons), never personal data.
 */
record TimelineEntry(Instant at, Kind kind, ApplicationState state, Step step, String messageType, UUID messageId,
                     Integer attempt, String note, Map<String, Object> details) {

    enum Kind {
        /** The customer applied. */
        SUBMITTED,
        /** A command left (through the outbox) for the first time for its step. */
        COMMAND_SENT,
        /** A step's command was sent again because its reply was overdue. */
        COMMAND_RESENT,
        /** A reply moved the application on. */
        REPLY_RECEIVED,
        /** A reply that did not fit the current state: kept for the record, changed nothing. */
        REPLY_IGNORED,
        /** The application moved from one state to another. */
        STATE_CHANGED,
        /** A step's reply did not come in time. */
        STEP_TIMED_OUT,
        /** The application ended and said so on its topic. */
        CONCLUDED
    }
}
