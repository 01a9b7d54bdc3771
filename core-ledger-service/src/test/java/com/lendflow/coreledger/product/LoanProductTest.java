package com.lendflow.coreledger.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.platform.web.FieldViolation;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The product's rules a loan must meet, without a database. */
class LoanProductTest {

    static final LoanProduct STANDARD = new LoanProduct("CASH_LOAN_STANDARD", "Cash loan, standard",
            List.of(3, 6, 9, 12, 24), EnumSet.allOf(RepaymentMethod.class), new BigDecimal("0.000000"),
            new BigDecimal("0.240000"), new BigDecimal("100.00"), new BigDecimal("200000.00"), new BigDecimal("1.00"),
            3, new BigDecimal("1.500000"), 0, new BigDecimal("0.000000"), "ACT/365", LoanProduct.Overpayment.REFUSE, true,
            0);

    @Test
    void hundredYuanOverThreeMonthsAtNinePercentIsAllowed() {
        assertThat(STANDARD.violationsOf(new BigDecimal("100"), new BigDecimal("0.09125"), 3,
                RepaymentMethod.EQUAL_INSTALLMENT)).isEmpty();
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        assertThat(STANDARD.violationsOf(new BigDecimal("200000.00"), new BigDecimal("0.24"), 24,
                RepaymentMethod.BULLET)).isEmpty();
        assertThat(STANDARD.violationsOf(new BigDecimal("100.00"), BigDecimal.ZERO, 3, RepaymentMethod.BULLET)).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        assertThat(fields(STANDARD.violationsOf(new BigDecimal("100.50"), new BigDecimal("0.2401"), 7,
                RepaymentMethod.EQUAL_INSTALLMENT)))
                .containsExactlyInAnyOrder("termMonths", "annualRate", "principal");
        assertThat(STANDARD.violationsOf(new BigDecimal("99.99"), new BigDecimal("0.1"), 3, RepaymentMethod.BULLET))
                .extracting(FieldViolation::rule).containsExactly("amount-out-of-range");
        assertThat(STANDARD.violationsOf(new BigDecimal("100.50"), new BigDecimal("0.1"), 3, RepaymentMethod.BULLET))
                .extracting(FieldViolation::rule).containsExactly("amount-step");
    }

    private static List<String> fields(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::field).toList();
    }
}
