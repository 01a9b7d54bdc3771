package com.lendflow.coreledger.schedule;

import java.math.BigDecimal;
import java.util.List;

/** A repayment schedule: its periods in order, and what they add up to. */
public record Schedule(List<Installment> installments, BigDecimal totalInterest, BigDecimal totalRepayment) {

    public Schedule {
        installments = List.copyOf(installments);
    }

    static Schedule of(List<Installment> installments) {
        BigDecimal interest = Money.ZERO;
        BigDecimal repayment = Money.ZERO;
        for (Installment installment : installments) {
            interest = interest.add(installment.interest());
            repayment = repayment.add(installment.total());
        }
        return new Schedule(installments, interest, repayment);
    }
}
