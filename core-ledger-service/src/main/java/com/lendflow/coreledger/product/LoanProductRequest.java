package com.lendflow.coreledger.product;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * A product as an administrator puts it: the whole product (PUT replaces), and why it changes,
 * which the audit trail keeps. Rates and amounts may be JSON strings or numbers, read exactly.
 */
public record LoanProductRequest(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 60) List<@NotNull @Min(1) @Max(360) Integer> allowedTerms,
        @NotEmpty Set<@NotNull RepaymentMethod> allowedMethods,
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 6) BigDecimal minRate,
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 6) BigDecimal maxRate,
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal minAmount,
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal maxAmount,
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amountStep,
        @NotNull @Min(0) @Max(365) Integer graceDays,
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 6) BigDecimal penaltyMarkup,
        @NotNull @Min(0) @Max(3650) Integer prepaymentAllowedAfterDays,
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 6) BigDecimal prepaymentFeeRate,
        @Pattern(regexp = "ACT/365", message = "only ACT/365 is supported") String dayCount,
        LoanProduct.Overpayment overpayment,
        @NotNull Boolean active,
        @NotBlank @Size(min = 5, max = 500) String reason) {

    /** The product this request describes, at the database's scales, so an unchanged product compares equal. */
    LoanProduct toProduct(String code, long version) {
        return new LoanProduct(code, name.strip(), allowedTerms, allowedMethods, rate(minRate), rate(maxRate),
                amount(minAmount), amount(maxAmount), amount(amountStep), graceDays, rate(penaltyMarkup),
                prepaymentAllowedAfterDays, rate(prepaymentFeeRate), dayCount == null ? "ACT/365" : dayCount,
                overpayment == null ? LoanProduct.Overpayment.REFUSE : overpayment, active,
                version);
    }

    private static BigDecimal rate(BigDecimal rate) {
        return rate.setScale(6, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal amount(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
