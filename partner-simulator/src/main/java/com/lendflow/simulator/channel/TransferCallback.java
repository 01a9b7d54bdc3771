package com.lendflow.simulator.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What the channel tells the payer when a transfer settles ({@code status} SUCCESS or FAILED), or
 * when a collected transfer's money is later given back to the card (RETURNED, with
 * {@code returnReason} and {@code returnedAt}, which are left out of every other callback so a
 * payout's callback is exactly what it always was). {@code amount} is a two-decimal string.
 */
record TransferCallback(String requestNo, String status, String amount, String channelTransactionId,
                        String failureCode, String failureReason, Instant completedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String returnReason,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Instant returnedAt) {
}
