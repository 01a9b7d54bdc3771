package com.lendflow.limit.creditline;

public enum CreditLineStatus {
    /** Opened for a registered customer; no limit granted yet. */
    NOT_ACTIVATED,
    ACTIVE,
    FROZEN,
    EXPIRED
}
