package com.lendflow.coreledger.servicing;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The part of a loan account that servicing reads: terms, where it stands, and its current schedule version. */
record ServicedLoan(UUID id, UUID customerId, String productCode, BigDecimal principal, BigDecimal annualRate,
                    RepaymentMethod method, LocalDate startDate, String fundingPartner, String status,
                    BigDecimal outstandingPrincipal, int scheduleVersion, int graceDays, BigDecimal creditBalance,
                    int daysPastDue, String bucket) {

    boolean active() {
        return "ACTIVE".equals(status);
    }
}
