package com.lendflow.simulator.statement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * How the statements of one kind misbehave, and for how many requests.
 *
 * @param times how many requests it spoils before statements are served whole again; 0 or null
 *              means until the fault is cleared
 */
record StatementFault(@NotNull StatementTarget target, @NotNull Mode mode, @PositiveOrZero Integer times) {

    enum Mode {
        /** 404 {@code statement-not-ready}: the file is not there yet. */
        LATE,
        /** The file stops half-way, mid-line, with no trailer. */
        TRUNCATED,
        /** The trailer's record count (odd-numbered spoiled requests) or total (even ones, by 0.01) is off by one. */
        WRONG_TRAILER,
        /**
         * The first record line and every third after it appear twice in a row; the trailer counts
         * the lines as written, so only the repeated keys give the file away.
         */
        DUPLICATED_LINES
    }

    StatementFault {
        if (times == null) {
            times = 0;
        }
    }

    /** The fault as it spoils one request: {@code use} counts the requests it has spoiled, from 1. */
    record Served(Mode mode, int use) {
    }
}
