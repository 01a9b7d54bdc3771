package com.lendflow.contracts.antifraud;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/** Staff concluded a manual review: {@code result} is PASS or REJECT, with the reviewer's comment. */
public record FraudReviewConcluded(UUID applicationId, UUID assessmentId, String result, String reviewer,
                                   String comment) {

    public static final MessageType<FraudReviewConcluded> TYPE =
            MessageType.of("FraudReviewConcluded", 1, FraudReviewConcluded.class);
}
