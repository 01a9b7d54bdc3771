package com.lendflow.antifraud.rulebook;

/**
 * Change the scores at which applications go to review or are rejected, and at which drawdowns are
 * rejected, if still at {@code expectedVersion}. A null {@code drawdownRejectScore} keeps the current one.
 */
record ChangeThresholds(int reviewScore, int rejectScore, Integer drawdownRejectScore, long expectedVersion,
                        String reason) {
}
