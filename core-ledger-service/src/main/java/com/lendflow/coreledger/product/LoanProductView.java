package com.lendflow.coreledger.product;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import java.util.List;

/** A product as ops staff read it, and as the audit trail keeps it. Rates and amounts are strings, read exactly. */
public record LoanProductView(String code, String name, List<Integer> allowedTerms, List<RepaymentMethod> allowedMethods,
                              String minRate, String maxRate, String minAmount, String maxAmount, String amountStep,
                              int graceDays, String penaltyMarkup, int prepaymentAllowedAfterDays,
                              String prepaymentFeeRate, String dayCount, LoanProduct.Overpayment overpayment,
                              boolean active, long version) {

    static LoanProductView of(LoanProduct product) {
        return new LoanProductView(product.code(), product.name(), product.allowedTerms(),
                product.allowedMethods().stream().sorted().toList(), product.minRate().toPlainString(),
                product.maxRate().toPlainString(), product.minAmount().toPlainString(),
                product.maxAmount().toPlainString(), product.amountStep().toPlainString(), product.graceDays(),
                product.penaltyMarkup().toPlainString(), product.prepaymentAllowedAfterDays(),
                product.prepaymentFeeRate().toPlainString(), product.dayCount(), product.overpayment(),
                product.active(), product.version());
    }
}
