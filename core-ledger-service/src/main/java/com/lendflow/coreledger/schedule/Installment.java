package com.lendflow.coreledger.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One period of a schedule, amounts in fen (scale 2).
 *
 * @param remainingPrincipal principal still owed once this period is paid
 */
public record Installment(int period, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal total,
                          BigDecimal remainingPrincipal) {

    static Installment of(int period, LocalDate dueDate, BigDecimal principal, BigDecimal interest,
                          BigDecimal remainingPrincipal) {
        return new Installment(period, dueDate, principal, interest, principal.add(interest), remainingPrincipal);
    }
}
