package com.lendflow.funding.reservation;

/**
 * Why no position was reserved, as {@code FundingRefused.code}. The first four depend on the
 * partner and its day and are remembered per drawdown; INVALID_AMOUNT is a fault in the command
 * itself, refused the same way every time without being remembered.
 */
enum Refusal {
    /** The reservation would take reserved + used past the day's plan and top-ups. */
    POSITION_EXHAUSTED,
    /** The partner does not exist or its rules (grade, amount, term) do not take this loan. */
    PARTNER_NOT_ELIGIBLE,
    PARTNER_INACTIVE,
    /** The partner has no money planned for the day at all. */
    NO_PLAN,
    INVALID_AMOUNT
}
