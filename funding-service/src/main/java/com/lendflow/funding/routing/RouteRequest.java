package com.lendflow.funding.routing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Which partner would fund this loan? {@code businessDate} defaults to today in the service's
 * calendar. The amount may be a JSON string or number, read exactly.
 */
record RouteRequest(
        @NotNull @Pattern(regexp = "^[A-E]$") String grade,
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @Min(1) @Max(360) Integer termMonths,
        LocalDate businessDate) {
}
