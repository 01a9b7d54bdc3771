package com.lendflow.coreledger.reconciliation;

/**
 * A break resolved with money (#8). {@code kind}: ADJUSTED_LEDGER | WRITTEN_OFF | REFUNDED;
 * {@code direction}: GAIN (more money than the books said) | LOSS (less); {@code amount} two decimals.
 */
record AdjustmentRequest(String breakId, String kind, String amount, String loanId, String fundingPartnerId,
                         String direction, String reason, String resolvedBy) {
}
