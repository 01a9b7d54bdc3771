package com.lendflow.coreledger.servicing;

import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Money received for a loan and what became of it (table repayment). */
record Repayment(String id, UUID loanId, Kind kind, BigDecimal amount, LocalDate businessDate, Instant receivedAt,
                 String channel, Status status, String refusal, BigDecimal creditHeld, UUID journalEntryId,
                 Integer newScheduleVersion, UUID reversalEntryId, LocalDate reversedOn, String reversalReason) {

    enum Kind {
        /** An ordinary repayment, allocated penalty → overdue → current. */
        REPAYMENT,
        /** A partial prepayment of principal, which reschedules the rest. */
        PREPAYMENT,
        /** Everything owed, paid at once. */
        PAYOFF,
        /** Credit held on the loan, applied to an installment that fell due. */
        CREDIT,
        /** Money received after the loan was written off: recovery income. */
        RECOVERY
    }

    enum Status {
        APPLIED, REFUSED, REVERSED
    }

    /**
     * This repayment, received again under its id: a retry or a redelivery for the same loan and
     * amount gets it back unchanged; the id reused for another loan or amount is a 409.
     */
    Repayment receivedAgain(UUID forLoan, BigDecimal ofAmount) {
        if (!loanId.equals(forLoan) || amount.compareTo(ofAmount) != 0) {
            throw ApiProblem.conflict("repayment-id-reused", kind.name().toLowerCase() + " " + id
                    + " was already received for loan " + loanId + " with amount " + Amounts.text(amount));
        }
        return this;
    }
}
