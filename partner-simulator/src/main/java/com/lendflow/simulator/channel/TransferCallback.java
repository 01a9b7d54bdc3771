package com.lendflow.simulator.channel;

import java.time.Instant;

/** What the channel tells the payer when a transfer settles. {@code amount} is a two-decimal string. */
record TransferCallback(String requestNo, String status, String amount, String channelTransactionId,
                        String failureCode, String failureReason, Instant completedAt) {
}
