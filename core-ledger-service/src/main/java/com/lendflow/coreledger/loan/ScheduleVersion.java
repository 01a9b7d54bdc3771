package com.lendflow.coreledger.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One stored version of a loan's schedule, with its installments in period order. */
record ScheduleVersion(int version, String reason, Instant createdAt, List<Line> installments) {

    ScheduleVersion {
        installments = List.copyOf(installments);
    }

    record Line(int period, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal total,
                BigDecimal remainingPrincipal, String state) {
    }

    BigDecimal totalInterest() {
        return installments.stream().map(Line::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal totalRepayment() {
        return installments.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
