package com.lendflow.antifraud.review;

import com.lendflow.antifraud.ActingStaff;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.FraudReviewConcluded;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Concludes a review, announces it and puts it on the audit record, in one transaction. */
@Component
class ConcludeReviewHandler {

    private final Reviews reviews;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final Clock clock;

    ConcludeReviewHandler(Reviews reviews, Outbox outbox, AuditTrail audit, AuditActorSource actors, Clock clock) {
        this.reviews = reviews;
        this.outbox = outbox;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional
    public ReviewView handle(ConcludeReview command) {
        ManualReview review = reviews.find(command.reviewId())
                .orElseThrow(() -> ApiProblem.notFound("Review", command.reviewId()));
        ReviewStatus before = review.status();
        FraudReviewConcluded concluded = review.conclude(command.outcome(), ActingStaff.name(actors), command.comment(),
                clock.instant());
        if (!reviews.saveConclusion(review)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "review-already-concluded", "Review already concluded",
                    "review " + review.id() + " was concluded by someone else a moment ago");
        }
        outbox.publish(Topics.ANTIFRAUD_ASSESSMENT, review.applicationId().toString(), FraudReviewConcluded.TYPE, concluded);
        audit.record(new AuditEntry("review.conclude", "fraud-review", review.id().toString(),
                Map.of("status", before.name()),
                Map.of("status", review.status().name(), "result", concluded.result(), "comment", command.comment(),
                        "applicationId", review.applicationId().toString()),
                command.comment()));
        return reviews.view(review.id()).orElseThrow();
    }
}
