package com.lendflow.contracts.reconciliation;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dangerous reconciliation break, raised the moment it is found: money left our account with no
 * loan behind it (a payout the channel or partner made that we have no record of, or recorded as
 * failed), or a loan with no money sent (a disbursed drawdown or a booked loan with no successful
 * payout). {@code reconciliation}: INTERNAL, CHANNEL or FUNDING_PARTNER; {@code party} the channel or
 * partner id ("internal" for INTERNAL); {@code breakClass} as the break records it;
 * {@code reference} our business id (drawdown or repayment id) or, when we have none, theirs.
 * Amounts are two-decimal strings, null on the side that has no record.
 */
public record ReconciliationAlert(UUID breakId, LocalDate businessDate, String reconciliation, String party,
                                  String breakClass, String reference, String ourAmount, String theirAmount,
                                  String detail) {

    public static final MessageType<ReconciliationAlert> TYPE =
            MessageType.of("ReconciliationAlert", 1, ReconciliationAlert.class);
}
