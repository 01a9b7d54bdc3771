package com.lendflow.coreledger.calculator;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.coreledger.schedule.ScheduleRequest;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a prospective borrower asks the public calculator. Amounts and rates may arrive as JSON
 * strings ("100.00", preferred) or JSON numbers (100.00); both are read exactly as decimals,
 * never through a double. A fraction of a fen is refused rather than rounded.
 */
public record LoanCalculatorRequest(
        @NotNull
        @DecimalMin(value = "0.01")
        @Digits(integer = 13, fraction = 2)
        BigDecimal principal,
        @NotNull
        @DecimalMin("0")
        @DecimalMax("0.24")
        @Digits(integer = 1, fraction = 6)
        BigDecimal annualRate,
        @NotNull
        @Min(1)
        @Max(60)
        Integer termMonths,
        @NotNull
        RepaymentMethod method,
        @NotNull
        LocalDate startDate,
        @Min(0)
        @Max(365)
        Integer interestFreeDays) {

    /** Days free of interest at the start (an interest-free-days coupon); none when not given. */
    int freeDays() {
        return interestFreeDays == null ? 0 : interestFreeDays;
    }

    ScheduleRequest toCommand() {
        return new ScheduleRequest(principal, annualRate, termMonths, method, startDate);
    }
}
