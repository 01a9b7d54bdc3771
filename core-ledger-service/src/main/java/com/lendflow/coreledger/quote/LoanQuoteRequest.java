package com.lendflow.coreledger.quote;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/** A borrower's trial calculation (试算): how much, how long, how repaid, and a coupon if they hold one. */
record LoanQuoteRequest(
        @NotNull @DecimalMin(value = "0.01", message = "must be a positive amount")
        @Digits(integer = 17, fraction = 2, message = "must be an amount in yuan with at most two decimals") BigDecimal amount,
        @NotNull @Min(1) @Max(60) Integer termMonths,
        @NotNull RepaymentMethod method,
        UUID couponId) {
}
