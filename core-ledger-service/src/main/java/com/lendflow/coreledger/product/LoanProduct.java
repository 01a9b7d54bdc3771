package com.lendflow.coreledger.product;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.platform.web.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a loan product allows and the parameters later features read (grace days, penalty markup,
 * prepayment). Products are data (table loan_product), changed by administrators, never by a deploy.
 */
public record LoanProduct(String code, String name, List<Integer> allowedTerms, Set<RepaymentMethod> allowedMethods,
                          BigDecimal minRate, BigDecimal maxRate, BigDecimal minAmount, BigDecimal maxAmount,
                          BigDecimal amountStep, int graceDays, BigDecimal penaltyMarkup,
                          int prepaymentAllowedAfterDays, BigDecimal prepaymentFeeRate, String dayCount,
                          Overpayment overpayment, boolean active, long version) {

    /** What the product does with more money than a borrower can pay now. */
    public enum Overpayment {
        REFUSE, HOLD_AS_CREDIT
    }

    public LoanProduct {
        allowedTerms = allowedTerms.stream().sorted().distinct().toList();
        allowedMethods = allowedMethods.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedMethods));
    }

    public boolean holdsOverpaymentAsCredit() {
        return overpayment == Overpayment.HOLD_AS_CREDIT;
    }

    /**
     * The product's rules a loan breaks, each naming the request field at fault; empty when the
     * loan is one this product may open. Amounts and rates compare by value (100 = 100.00).
     */
    public List<FieldViolation> violationsOf(BigDecimal principal, BigDecimal annualRate, int termMonths,
                                             RepaymentMethod method) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!active) {
            violations.add(new FieldViolation("productCode", "product-inactive", "product " + code + " is not open for new loans"));
        }
        if (!allowedTerms.contains(termMonths)) {
            violations.add(new FieldViolation("termMonths", "term-not-offered",
                    "product " + code + " offers terms of " + allowedTerms + " months, not " + termMonths));
        }
        if (!allowedMethods.contains(method)) {
            violations.add(new FieldViolation("method", "method-not-offered",
                    "product " + code + " offers " + allowedMethods.stream().sorted().toList() + ", not " + method));
        }
        if (annualRate.compareTo(minRate) < 0 || annualRate.compareTo(maxRate) > 0) {
            violations.add(new FieldViolation("annualRate", "rate-out-of-range", "must be between "
                    + minRate.toPlainString() + " and " + maxRate.toPlainString() + " for product " + code));
        }
        if (principal.compareTo(minAmount) < 0 || principal.compareTo(maxAmount) > 0) {
            violations.add(new FieldViolation("principal", "amount-out-of-range", "must be between "
                    + minAmount.toPlainString() + " and " + maxAmount.toPlainString() + " for product " + code));
        } else if (principal.remainder(amountStep).signum() != 0) {
            violations.add(new FieldViolation("principal", "amount-step",
                    "must be a multiple of " + amountStep.toPlainString() + " for product " + code));
        }
        return violations;
    }
}
