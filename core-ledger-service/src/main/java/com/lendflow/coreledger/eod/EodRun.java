package com.lendflow.coreledger.eod;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The end of day of one business date, as ops staff follow it. Phase LOANS closes the loans batch by
 * batch; SNAPSHOT takes the day's account balances; DONE means the business date has moved on.
 * Status RUNNING, FAILED (with the reason; rerun to resume) or FINISHED.
 */
public record EodRun(LocalDate businessDate, String phase, String status, int loansTotal, int loansDone, int batches,
              Instant startedAt, Instant finishedAt, int attempts, String failure) {
}
