package com.lendflow.antifraud.review;

import com.lendflow.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The manual-review queue. Everyone on ops may work through it; a conclusion decides whether a
 * customer gets credit, so only supervisors, risk analysts and administrators may conclude.
 */
@RestController
@Validated
@RequestMapping("/ops/v1/antifraud/reviews")
class ReviewOpsController {

    private final Reviews reviews;
    private final ConcludeReviewHandler conclude;

    ReviewOpsController(Reviews reviews, ConcludeReviewHandler conclude) {
        this.reviews = reviews;
        this.conclude = conclude;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    List<ReviewView> queue(@RequestParam(name = "status", defaultValue = "PENDING") ReviewStatus status,
                           @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                           @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        return reviews.list(status, size, page * size);
    }

    /** The queue's length, for the page that shows one page of it at a time. */
    @GetMapping("/count")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    QueueCount count(@RequestParam(name = "status", defaultValue = "PENDING") ReviewStatus status) {
        return new QueueCount(status, reviews.count(status));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    ReviewView review(@PathVariable UUID id) {
        return reviews.view(id).orElseThrow(() -> ApiProblem.notFound("Review", id));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    ReviewView approve(@PathVariable UUID id, @Valid @RequestBody ConclusionRequest request) {
        return conclude.handle(new ConcludeReview(id, ReviewStatus.APPROVED, request.comment().strip()));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    ReviewView reject(@PathVariable UUID id, @Valid @RequestBody ConclusionRequest request) {
        return conclude.handle(new ConcludeReview(id, ReviewStatus.REJECTED, request.comment().strip()));
    }

    record QueueCount(ReviewStatus status, long count) {
    }

    record ConclusionRequest(@NotBlank @Size(max = 1000) String comment) {
    }
}
