package com.lendflow.limit.creditline;

/**
 * Why a line was not granted, as {@code CreditLineGrantRefused.code}. The first two depend on the
 * line's state and are remembered per application; the rest are faults in the command itself.
 */
enum GrantRefusal {
    /** The line is frozen (risk or collection); it cannot take new terms until unfrozen. */
    LINE_FROZEN,
    /** The new limit would be below what the customer has already drawn or reserved. */
    LIMIT_BELOW_USAGE,
    MISSING_CUSTOMER,
    INVALID_LIMIT,
    INVALID_RATE,
    INVALID_GRADE,
    INVALID_GRANTED_ON,
    /** The command's grant date plus the validity is already past: the line would be born expired. */
    GRANT_ALREADY_EXPIRED
}
