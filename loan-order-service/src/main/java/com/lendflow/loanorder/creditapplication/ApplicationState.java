package com.lendflow.loanorder.creditapplication;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a credit-line application stands. Each in-flight state names what has been achieved and
 * implies the step now awaited; APPROVED, REJECTED and FAILED are final.
 */
public enum ApplicationState {

    /** Accepted; the credit-bureau authorisation is being signed. */
    SUBMITTED,
    /** Authorisation signed; anti-fraud is assessing. */
    AUTHORISATION_SIGNED,
    /** Anti-fraud asked for a manual review; waiting for staff to conclude it. */
    FRAUD_REVIEW,
    /** Anti-fraud passed; the credit decision is being made. */
    FRAUD_CHECKED,
    /** Approved by the credit decision; the line is being granted. */
    DECIDED,
    /** The line is granted; the application concludes in the same transaction. */
    LIMIT_GRANTED,
    APPROVED,
    REJECTED,
    FAILED;

    static final Set<ApplicationState> FINAL = EnumSet.of(APPROVED, REJECTED, FAILED);

    boolean isFinal() {
        return FINAL.contains(this);
    }

    boolean canTransitionTo(ApplicationState next) {
        if (next == FAILED) {
            return !isFinal();
        }
        return switch (this) {
            case SUBMITTED -> next == AUTHORISATION_SIGNED;
            case AUTHORISATION_SIGNED -> next == FRAUD_CHECKED || next == FRAUD_REVIEW || next == REJECTED;
            case FRAUD_REVIEW -> next == FRAUD_CHECKED || next == REJECTED;
            case FRAUD_CHECKED -> next == DECIDED || next == REJECTED;
            case DECIDED -> next == LIMIT_GRANTED;
            case LIMIT_GRANTED -> next == APPROVED;
            case APPROVED, REJECTED, FAILED -> false;
        };
    }
}
