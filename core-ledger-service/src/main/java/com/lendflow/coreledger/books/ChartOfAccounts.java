package com.lendflow.coreledger.books;

/**
 * The account codes business events post to. The chart itself (names, types, normal sides) is
 * data, seeded by the migrations V2__create_books.sql, V5__create_servicing.sql and
 * V6__create_loan_adjustments.sql and V7__create_reconciliation.sql; these constants only spare callers from
 * spelling codes by hand, and a posting to a code the chart lacks is refused.
 */
public final class ChartOfAccounts {

    public static final String LOAN_RECEIVABLE_PRINCIPAL = "1101";
    public static final String INTEREST_RECEIVABLE = "1102";
    public static final String PENALTY_RECEIVABLE = "1103";
    public static final String PAYMENT_CHANNEL_RECEIVABLE = "1201";
    public static final String SUSPENSE = "1999";
    /** Differences found by reconciliation, held until finance clears them (#8). */
    public static final String RECONCILIATION_DIFFERENCES = "1998";
    public static final String FUNDING_PARTNER_CLEARING = "2101";
    public static final String CUSTOMER_REPAYMENT_CLEARING = "2201";
    public static final String INTEREST_INCOME = "4101";
    public static final String PENALTY_INCOME = "4102";
    public static final String FEE_INCOME = "4103";
    public static final String RECOVERY_INCOME = "4104";
    public static final String RECONCILIATION_GAINS = "4105";
    public static final String COUPON_EXPENSE = "5101";
    public static final String WRITE_OFF_EXPENSE = "5102";
    public static final String INTEREST_WRITE_OFF_EXPENSE = "5103";
    public static final String WAIVER_EXPENSE = "5104";
    public static final String RECONCILIATION_LOSSES = "5105";

    private ChartOfAccounts() {
    }
}
