package com.lendflow.payment.repayment;

/** Where a withholding is. PAID, SETTLED_ELSEWHERE, EXHAUSTED and CANCELLED are final. */
enum WithholdingState {
    /** Waiting for its next attempt's business date (and, for a same-day retry, its hour). */
    SCHEDULED,
    /** An attempt is asking core-ledger what is due; nothing sent yet. */
    ATTEMPTING,
    /** An attempt's collection is with the channel. */
    COLLECTING,
    /** An attempt collected what was due. */
    PAID,
    /** Nothing was due any more when an attempt came: the customer paid some other way. */
    SETTLED_ELSEWHERE,
    /** Every attempt of the plan failed. */
    EXHAUSTED,
    /** core-ledger knows no such loan. */
    CANCELLED
}
