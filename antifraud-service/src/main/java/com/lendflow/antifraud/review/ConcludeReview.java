package com.lendflow.antifraud.review;

import java.util.UUID;

/** Staff conclude a review: APPROVED (the fraud check passes) or REJECTED, with their comment. */
record ConcludeReview(UUID reviewId, ReviewStatus outcome, String comment) {
}
