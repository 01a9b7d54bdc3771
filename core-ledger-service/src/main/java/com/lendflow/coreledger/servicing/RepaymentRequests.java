package com.lendflow.coreledger.servicing;

import com.lendflow.coreledger.schedule.Reshape;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** Request bodies of the repayment APIs. Amounts may be JSON strings or numbers, read exactly. */
final class RepaymentRequests {

    private RepaymentRequests() {
    }

    record Repay(@NotBlank @Size(max = 100) String repaymentId,
                 @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
                 @Size(max = 50) String channel,
                 Instant receivedAt) {
    }

    record Reverse(@NotBlank @Size(min = 3, max = 500) String reason) {
    }

    /** {@code principal} null: pay the loan off. */
    record Prepay(@NotBlank @Size(max = 100) String prepaymentId,
                  @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal principal,
                  Reshape reshape,
                  @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
                  @Size(max = 50) String channel) {
    }
}
