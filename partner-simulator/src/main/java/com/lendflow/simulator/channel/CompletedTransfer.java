package com.lendflow.simulator.channel;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A finished transfer, read-only, for statements.
 *
 * @param direction      PAYOUT or COLLECTION
 * @param fundingAccount the funding partner whose account paid or received, if the request named one
 * @param succeeded      true if it settled SUCCESS (even if it was later returned), false if FAILED
 * @param returnedAt     when a collected transfer's money went back to the card, or null
 */
public record CompletedTransfer(String requestNo, String channelTransactionId, String direction, String reference,
                                String fundingAccount, BigDecimal amount, boolean succeeded, Instant completedAt,
                                Instant returnedAt) {
}
