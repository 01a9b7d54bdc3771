package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A loan moved between delinquency buckets (M0 current, M1 1–30 days past due, M2 31–60, M3 61–90,
 * M3+ beyond), by end of day or by a repayment, as of {@code businessDate}.
 */
public record LoanBucketChanged(UUID loanId, UUID customerId, String fromBucket, String toBucket, int daysPastDue,
                                LocalDate businessDate) {

    public static final MessageType<LoanBucketChanged> TYPE =
            MessageType.of("LoanBucketChanged", 1, LoanBucketChanged.class);
}
