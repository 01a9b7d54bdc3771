package com.lendflow.antifraud.review;

/** Where a manual review stands. Only PENDING may move, and only once. */
public enum ReviewStatus {
    PENDING,
    APPROVED,
    REJECTED;

    boolean canTransitionTo(ReviewStatus next) {
        return this == PENDING && next != PENDING;
    }
}
