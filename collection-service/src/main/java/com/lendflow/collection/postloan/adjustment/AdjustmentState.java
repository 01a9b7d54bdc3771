package com.lendflow.collection.postloan.adjustment;

/**
 * REQUESTED by a maker → APPROVED or REJECTED by a checker; an approved one is sent to the ledger and ends
 * APPLIED or REFUSED as the ledger answers.
 */
public enum AdjustmentState {
    REQUESTED, APPROVED, REJECTED, APPLIED, REFUSED;

    boolean canTransitionTo(AdjustmentState next) {
        return switch (this) {
            case REQUESTED -> next == APPROVED || next == REJECTED;
            case APPROVED -> next == APPLIED || next == REFUSED;
            case REJECTED, APPLIED, REFUSED -> false;
        };
    }
}
