package com.lendflow.coreledger.loan;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Object Mother of loan openings, as the drawdown saga will ask for them. Every opening is a new disbursement. */
final class Loans {

    static final String STANDARD = "CASH_LOAN_STANDARD";
    static final String PARTNER = "bank-of-ningbo";
    static final LocalDate MID_JANUARY = LocalDate.of(2026, 1, 15);

    private Loans() {
    }

    /** 100.00 at 9.125% over three months, equal installments, from 15 January 2026. */
    static OpenLoan hundredYuan() {
        return hundredYuanFor(UUID.randomUUID());
    }

    static OpenLoan hundredYuanFor(UUID customerId) {
        return new OpenLoan("dsb-" + UUID.randomUUID(), customerId, STANDARD, new BigDecimal("100.00"),
                new BigDecimal("0.09125"), 3, RepaymentMethod.EQUAL_INSTALLMENT, MID_JANUARY, PARTNER);
    }

    static OpenLoan withTerm(OpenLoan loan, int termMonths) {
        return new OpenLoan(loan.disbursementId(), loan.customerId(), loan.productCode(), loan.principal(),
                loan.annualRate(), termMonths, loan.method(), loan.startDate(), loan.fundingPartner());
    }

    static OpenLoan withRate(OpenLoan loan, String annualRate) {
        return new OpenLoan(loan.disbursementId(), loan.customerId(), loan.productCode(), loan.principal(),
                new BigDecimal(annualRate), loan.termMonths(), loan.method(), loan.startDate(), loan.fundingPartner());
    }

    static OpenLoan withPrincipal(OpenLoan loan, String principal) {
        return new OpenLoan(loan.disbursementId(), loan.customerId(), loan.productCode(), new BigDecimal(principal),
                loan.annualRate(), loan.termMonths(), loan.method(), loan.startDate(), loan.fundingPartner());
    }

    /** The opening as the internal API takes it, amounts and rate as strings. */
    static String json(OpenLoan loan) {
        return """
                {"disbursementId":"%s","customerId":"%s","productCode":"%s","principal":"%s","annualRate":"%s",
                 "termMonths":%d,"method":"%s","startDate":"%s","fundingPartner":"%s"}"""
                .formatted(loan.disbursementId(), loan.customerId(), loan.productCode(),
                        loan.principal().toPlainString(), loan.annualRate().toPlainString(), loan.termMonths(),
                        loan.method(), loan.startDate(), loan.fundingPartner());
    }
}
