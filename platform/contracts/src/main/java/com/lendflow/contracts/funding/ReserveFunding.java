package com.lendflow.contracts.funding;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command to funding-service: reserve {@code amount} of partner {@code partnerId}'s disbursement
 * position (头寸) for {@code businessDate}, the partner the contract names (chosen beforehand by the
 * route preview, {@code POST /internal/v1/funding/routes}). Refused at 100% of the day's plan; a
 * warning at 90%. Once per drawdown. Answered by {@link FundingReserved} or {@link FundingRefused}.
 */
public record ReserveFunding(UUID drawdownId, UUID customerId, String partnerId, String amount, int termMonths,
                             String grade, LocalDate businessDate) {

    public static final MessageType<ReserveFunding> TYPE = MessageType.of("ReserveFunding", 1, ReserveFunding.class);
}
