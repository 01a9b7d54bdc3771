package com.lendflow.loanorder.drawdown;

/** How the loan is paid back; core-ledger-service computes the schedule by the same names. */
public enum RepaymentMethod {
    EQUAL_INSTALLMENT,
    EQUAL_PRINCIPAL,
    INTEREST_FIRST,
    BULLET
}
