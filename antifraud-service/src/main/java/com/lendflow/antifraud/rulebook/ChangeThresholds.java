package com.lendflow.antifraud.rulebook;

/** Change the scores at which applications go to review or are rejected, if still at {@code expectedVersion}. */
record ChangeThresholds(int reviewScore, int rejectScore, long expectedVersion, String reason) {
}
