package com.lendflow.esign.contract;

import com.lendflow.contracts.esign.SignLoanContract;
import java.time.LocalDate;
import java.util.UUID;

/** Object Mother for loan contract commands. */
public final class Borrowers {

    public static final String NAME = "张三丰";
    public static final String ID_NUMBER = "110101199003071234";
    public static final String MASKED_ID_NUMBER = "110***********1234";
    public static final String PARTNER = "北京示范消费金融有限公司";

    private Borrowers() {
    }

    /** The seed journey: 100 yuan over 3 months, equal installments at 9.125% (33.84, 33.84, 33.85). */
    public static SignLoanContract zhangSanfengBorrowsHundredYuan() {
        return new SignLoanContract(UUID.randomUUID(), UUID.randomUUID(), NAME, ID_NUMBER, "100.00", 3,
                "EQUAL_INSTALLMENT", "0.09125", "1.53", "33.84", LocalDate.of(2026, 2, 15), LocalDate.of(2026, 4, 15),
                PARTNER, LocalDate.of(2026, 1, 15));
    }

    public static SignLoanContract withAmount(String amount) {
        SignLoanContract c = zhangSanfengBorrowsHundredYuan();
        return new SignLoanContract(c.drawdownId(), c.customerId(), c.fullName(), c.idNumber(), amount, c.termMonths(),
                c.method(), c.annualRate(), c.totalInterest(), c.firstInstallment(), c.firstDueDate(), c.lastDueDate(),
                c.fundingPartnerName(), c.signedOn());
    }

    public static SignLoanContract withMethod(String method) {
        SignLoanContract c = zhangSanfengBorrowsHundredYuan();
        return new SignLoanContract(c.drawdownId(), c.customerId(), c.fullName(), c.idNumber(), c.amount(),
                c.termMonths(), method, c.annualRate(), c.totalInterest(), c.firstInstallment(), c.firstDueDate(),
                c.lastDueDate(), c.fundingPartnerName(), c.signedOn());
    }

    public static SignLoanContract withRate(String rate) {
        SignLoanContract c = zhangSanfengBorrowsHundredYuan();
        return new SignLoanContract(c.drawdownId(), c.customerId(), c.fullName(), c.idNumber(), c.amount(),
                c.termMonths(), c.method(), rate, c.totalInterest(), c.firstInstallment(), c.firstDueDate(),
                c.lastDueDate(), c.fundingPartnerName(), c.signedOn());
    }
}
