package com.lendflow.antifraud.review;

import com.lendflow.contracts.antifraud.FraudReviewConcluded;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The queue as the assessment sees it: put a REVIEW in, ask whether staff concluded it. */
@Component
public class ReviewQueue {

    private final Reviews reviews;

    ReviewQueue(Reviews reviews) {
        this.reviews = reviews;
    }

    public void enqueue(UUID assessmentId, UUID applicationId, UUID customerId, Instant at) {
        reviews.add(ManualReview.queue(assessmentId, applicationId, customerId, at));
    }

    /** The conclusion of the assessment's review, if staff concluded it. */
    public Optional<FraudReviewConcluded> concludedFor(UUID assessmentId) {
        return reviews.findByAssessment(assessmentId)
                .filter(review -> review.status() != ReviewStatus.PENDING)
                .map(ManualReview::concluded);
    }
}
