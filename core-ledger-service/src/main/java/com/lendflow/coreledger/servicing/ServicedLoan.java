package com.lendflow.coreledger.servicing;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The part of a loan account that servicing reads: terms, where it stands, and its current schedule version.
 * {@code annualRate} is the rate servicing charges now (the lending rate until a restructure changes it).
 */
record ServicedLoan(UUID id, UUID customerId, String productCode, BigDecimal principal, BigDecimal annualRate,
                    RepaymentMethod method, LocalDate startDate, String fundingPartner, String status,
                    BigDecimal outstandingPrincipal, int scheduleVersion, int graceDays, BigDecimal creditBalance,
                    int daysPastDue, String bucket, String disbursementId, BigDecimal principalWrittenOff,
                    BigDecimal interestWrittenOff, BigDecimal penaltyWrittenOff) {

    boolean active() {
        return "ACTIVE".equals(status);
    }

    boolean writtenOff() {
        return "WRITTEN_OFF".equals(status);
    }

    /** The drawdown the loan was opened for: its disbursement id, when that is a drawdown id (a UUID). */
    UUID drawdownId() {
        try {
            return UUID.fromString(disbursementId);
        } catch (IllegalArgumentException notADrawdown) {
            return null;
        }
    }

    /** Everything a write-off took off the books: what the borrower still owed then. */
    BigDecimal writtenOffTotal() {
        return principalWrittenOff.add(interestWrittenOff).add(penaltyWrittenOff);
    }
}
