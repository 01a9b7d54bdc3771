package com.lendflow.contracts;

/**
 * Every Kafka topic in Lendflow. Events go to {@code lendflow.<producing service>.<aggregate>},
 * commands to {@code lendflow.<service>.commands}. The record key is always the aggregate id,
 * so one aggregate's messages stay in order.
 */
public final class Topics {

    /** Customers registered and changed in loan-order-service. */
    public static final String LOAN_ORDER_CUSTOMER = "lendflow.loan-order.customer";

    /** Commands to antifraud-service ({@code AssessFraudRisk}). */
    public static final String ANTIFRAUD_COMMANDS = "lendflow.antifraud.commands";

    /** Assessments and concluded manual reviews from antifraud-service. */
    public static final String ANTIFRAUD_ASSESSMENT = "lendflow.antifraud.assessment";

    /** Commands to esign-service ({@code SignAuthorisation}). */
    public static final String ESIGN_COMMANDS = "lendflow.esign.commands";

    /** Signed (or unsignable) documents from esign-service. */
    public static final String ESIGN_DOCUMENT = "lendflow.esign.document";

    /** Commands to credit-decision-service ({@code AssessCreditRisk}). */
    public static final String CREDIT_DECISION_COMMANDS = "lendflow.credit-decision.commands";

    /** Credit decisions (and failures to decide) from credit-decision-service. */
    public static final String CREDIT_DECISION_DECISION = "lendflow.credit-decision.decision";

    /** Commands to limit-service (grant, reserve, confirm, release, freeze, unfreeze, lower). */
    public static final String LIMIT_COMMANDS = "lendflow.limit.commands";

    /** Credit lines granted, refused, frozen, unfrozen and lowered by limit-service. */
    public static final String LIMIT_CREDIT_LINE = "lendflow.limit.credit-line";

    /** Credit-line applications concluded in loan-order-service. */
    public static final String LOAN_ORDER_CREDIT_APPLICATION = "lendflow.loan-order.credit-application";

    /** Commands to marketing-service (coupons: lock, redeem, release). */
    public static final String MARKETING_COMMANDS = "lendflow.marketing.commands";

    /** Coupons locked, redeemed and released by marketing-service. */
    public static final String MARKETING_COUPON = "lendflow.marketing.coupon";

    /** Commands to funding-service (positions: reserve, confirm, release). */
    public static final String FUNDING_COMMANDS = "lendflow.funding.commands";

    /** Positions reserved, confirmed, released and warned about by funding-service. */
    public static final String FUNDING_POSITION = "lendflow.funding.position";

    /** Commands to payment-service ({@code Disburse}). */
    public static final String PAYMENT_COMMANDS = "lendflow.payment.commands";

    /** Disbursements succeeded or failed, from payment-service. */
    public static final String PAYMENT_DISBURSEMENT = "lendflow.payment.disbursement";

    /** Commands to core-ledger-service ({@code OpenLoanAccount}, {@code AdjustLoan}). */
    public static final String CORE_LEDGER_COMMANDS = "lendflow.core-ledger.commands";

    /** Drawdowns concluded in loan-order-service. */
    public static final String LOAN_ORDER_DRAWDOWN = "lendflow.loan-order.drawdown";

    /** Loan facts from core-ledger-service: opened, installments due, overdue, buckets, repayments applied and unapplied, adjustments, settlement. */
    public static final String CORE_LEDGER_LOAN = "lendflow.core-ledger.loan";

    /** Repayments and prepayments collected, reversed, and withholdings failed, from payment-service. */
    public static final String PAYMENT_REPAYMENT = "lendflow.payment.repayment";

    /** Business dates closed by core-ledger's end of day ({@code BusinessDateChanged}), keyed by the closed date. */
    public static final String CORE_LEDGER_BUSINESS_DAY = "lendflow.core-ledger.business-day";

    /** Dangerous reconciliation breaks ({@code ReconciliationAlert}), from reconciliation-service. */
    public static final String RECONCILIATION_ALERT = "lendflow.reconciliation.alert";

    /** Suffix of the dead-letter topic that holds messages a consumer gave up on. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
