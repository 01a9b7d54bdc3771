package com.lendflow.coreledger.schedule;

/** How a loan is paid back over its term. */
public enum RepaymentMethod {

    /** 等额本息: the same total every month; the last month takes the remaining principal. */
    EQUAL_INSTALLMENT,

    /** 等额本金: the same principal every month, interest on what is still owed. */
    EQUAL_PRINCIPAL,

    /** 先息后本: interest every month, the whole principal with the last month. */
    INTEREST_FIRST,

    /** 到期一次还本付息: principal and interest on actual days, once, at maturity. */
    BULLET
}
