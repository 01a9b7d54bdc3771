package com.lendflow.coreledger.servicing;

import java.math.BigDecimal;

/**
 * One part of a payment: {@code amount} of {@code component} of installment {@code period}
 * ({@code null} for a fee or a credit). {@code recognisedOnReceipt} is the part of an interest
 * payment that end of day had not accrued yet, recognised as income now.
 */
record Allocation(Integer period, Part component, boolean overdue, BigDecimal amount,
                  BigDecimal recognisedOnReceipt) {

    static Allocation of(Integer period, Part component, boolean overdue, BigDecimal amount) {
        return new Allocation(period, component, overdue, amount, BigDecimal.ZERO);
    }
}
