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

    /** Commands to limit-service ({@code GrantCreditLine}). */
    public static final String LIMIT_COMMANDS = "lendflow.limit.commands";

    /** Credit lines granted (or refused) by limit-service. */
    public static final String LIMIT_CREDIT_LINE = "lendflow.limit.credit-line";

    /** Credit-line applications concluded in loan-order-service. */
    public static final String LOAN_ORDER_CREDIT_APPLICATION = "lendflow.loan-order.credit-application";

    /** Loan servicing facts from core-ledger-service: installments due, overdue, buckets, settlement. */
    public static final String CORE_LEDGER_LOAN = "lendflow.core-ledger.loan";

    /** Repayments collected and reversed by payment channels, from payment-service. */
    public static final String PAYMENT_REPAYMENT = "lendflow.payment.repayment";

    /** Suffix of the dead-letter topic that holds messages a consumer gave up on. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
