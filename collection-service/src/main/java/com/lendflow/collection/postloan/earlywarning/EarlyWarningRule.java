package com.lendflow.collection.postloan.earlywarning;

import java.time.Instant;

/**
 * One early-warning rule as ops keep it: what triggers it ({@code DPD} with a threshold of days past due, or a
 * {@code BUREAU_DELINQUENCY} / {@code FRAUD_SIGNAL} risk signal), what it does to the customer's line
 * ({@code FREEZE} or {@code LOWER} to what is occupied) and the code limit-service is given.
 */
record EarlyWarningRule(String code, String triggerKind, Integer minDpd, String action, String limitCode, boolean enabled,
                        long version, String updatedBy, Instant updatedAt) {

    static final String DPD = "DPD";
    static final String FREEZE = "FREEZE";
    static final String LOWER = "LOWER";

    boolean onDaysPastDue() {
        return DPD.equals(triggerKind);
    }

    boolean firesAt(int daysPastDue) {
        return enabled && onDaysPastDue() && daysPastDue >= minDpd;
    }

    boolean freezes() {
        return FREEZE.equals(action);
    }
}
