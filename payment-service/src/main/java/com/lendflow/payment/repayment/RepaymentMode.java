package com.lendflow.payment.repayment;

/** What a repayment order collects. */
enum RepaymentMode {
    /** The overdue amount plus the current installment (the installment may be paid early). */
    CURRENT_INSTALLMENT,
    /** An amount the customer chose, up to the payoff. */
    AMOUNT,
    /** The full payoff quote: the loan is paid off (结清). */
    PAYOFF,
    /** An attempt of auto-withholding: what is due now. */
    WITHHOLDING
}
