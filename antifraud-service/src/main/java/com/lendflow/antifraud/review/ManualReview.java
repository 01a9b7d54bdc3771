package com.lendflow.antifraud.review;

import com.lendflow.contracts.antifraud.FraudReviewConcluded;
import com.lendflow.platform.web.ApiProblem;
import java.time.Instant;
import java.util.UUID;

/**
 * An application the rules sent to a person. Staff conclude it once, approving (the fraud check
 * passes) or rejecting, always with a comment; concluding it again is refused.
 */
final class ManualReview {

    private final UUID id;
    private final UUID assessmentId;
    private final UUID applicationId;
    private final UUID customerId;
    private final Instant queuedAt;
    private final long version;
    private ReviewStatus status;
    private String concludedBy;
    private Instant concludedAt;
    private String comment;

    ManualReview(UUID id, UUID assessmentId, UUID applicationId, UUID customerId, ReviewStatus status, Instant queuedAt,
                 String concludedBy, Instant concludedAt, String comment, long version) {
        this.id = id;
        this.assessmentId = assessmentId;
        this.applicationId = applicationId;
        this.customerId = customerId;
        this.status = status;
        this.queuedAt = queuedAt;
        this.concludedBy = concludedBy;
        this.concludedAt = concludedAt;
        this.comment = comment;
        this.version = version;
    }

    static ManualReview queue(UUID assessmentId, UUID applicationId, UUID customerId, Instant at) {
        return new ManualReview(UUID.randomUUID(), assessmentId, applicationId, customerId, ReviewStatus.PENDING, at,
                null, null, null, 0);
    }

    /** Concludes the review; refuses if it is concluded already. Returns the event the conclusion causes. */
    FraudReviewConcluded conclude(ReviewStatus outcome, String reviewer, String comment, Instant at) {
        if (!status.canTransitionTo(outcome)) {
            throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "review-already-concluded",
                    "Review already concluded", "review " + id + " was concluded as " + status + " by " + concludedBy
                    + " at " + concludedAt + "; a review is concluded once");
        }
        this.status = outcome;
        this.concludedBy = reviewer;
        this.concludedAt = at;
        this.comment = comment;
        return concluded();
    }

    /** The event of a concluded review (to answer again when the saga asks twice). */
    FraudReviewConcluded concluded() {
        if (status == ReviewStatus.PENDING) {
            throw new IllegalStateException("review " + id + " is not concluded");
        }
        return new FraudReviewConcluded(applicationId, assessmentId, status == ReviewStatus.APPROVED ? "PASS" : "REJECT",
                concludedBy, comment);
    }

    UUID id() {
        return id;
    }

    UUID assessmentId() {
        return assessmentId;
    }

    UUID applicationId() {
        return applicationId;
    }

    UUID customerId() {
        return customerId;
    }

    ReviewStatus status() {
        return status;
    }

    Instant queuedAt() {
        return queuedAt;
    }

    String concludedBy() {
        return concludedBy;
    }

    Instant concludedAt() {
        return concludedAt;
    }

    String comment() {
        return comment;
    }

    long version() {
        return version;
    }
}
