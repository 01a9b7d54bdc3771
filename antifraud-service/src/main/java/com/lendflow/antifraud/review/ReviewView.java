package com.lendflow.antifraud.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A manual review as ops staff see it: why the rules sent it, and how it was concluded. */
public record ReviewView(UUID id, UUID applicationId, UUID assessmentId, UUID customerId, ReviewStatus status, int score,
                         List<FiredRule> firedRules, Instant queuedAt, String concludedBy, Instant concludedAt,
                         String comment) {

    static ReviewView of(ManualReview review, int score, List<FiredRule> firedRules) {
        return new ReviewView(review.id(), review.applicationId(), review.assessmentId(), review.customerId(),
                review.status(), score, firedRules, review.queuedAt(), review.concludedBy(), review.concludedAt(),
                review.comment());
    }

    /** A rule that sent the application here, with its reason. */
    public record FiredRule(String code, int score, String action, String reason) {
    }
}
