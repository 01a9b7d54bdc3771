package com.lendflow.coreledger.loan;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A service asks to open the loan of a disbursement. Checked here for form only; whether the
 * product allows the loan is the use case's question. Amounts and rates may be JSON strings or
 * numbers, read exactly; a fraction of a fen is refused, not rounded.
 */
record OpenLoanRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9_\\-:.]+$") String disbursementId,
        @NotNull UUID customerId,
        @NotBlank @Size(max = 50) String productCode,
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal principal,
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 6) BigDecimal annualRate,
        @NotNull @Min(1) @Max(360) Integer termMonths,
        @NotNull RepaymentMethod method,
        @NotNull LocalDate startDate,
        @NotBlank @Size(max = 100) String fundingPartner) {

    OpenLoan toCommand() {
        return new OpenLoan(disbursementId, customerId, productCode, principal, annualRate, termMonths, method,
                startDate, fundingPartner);
    }
}
