package com.lendflow.coreledger.servicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One AdjustLoan request and what became of it (table loan_adjustment): applied, with what it moved
 * and the schedule version after it, or refused with a code and a reason. Who asked (maker), who
 * approved (checker) and why are kept with it for the loan's history.
 */
record Adjustment(String requestId, UUID loanId, UUID customerId, String kind, boolean applied, String code,
                  String refusal, BigDecimal amount, BigDecimal penalty, BigDecimal interest, Integer extraPeriods,
                  BigDecimal annualRate, Integer scheduleVersion, UUID journalEntryId, LocalDate effectiveOn,
                  String reason, String makerId, String checkerId, Instant createdAt) {

    /** What an adjustment handler did: applied (amount, schedule version, entry) or refused (code, reason). */
    record Result(String code, String refusal, BigDecimal amount, int scheduleVersion, UUID journalEntryId) {

        static Result applied(BigDecimal amount, int scheduleVersion, UUID journalEntryId) {
            return new Result(null, null, amount, scheduleVersion, journalEntryId);
        }

        static Result refused(String code, String refusal) {
            return new Result(code, refusal, null, 0, null);
        }

        boolean applied() {
            return code == null;
        }
    }
}
