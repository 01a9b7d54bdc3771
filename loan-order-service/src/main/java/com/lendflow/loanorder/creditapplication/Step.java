package com.lendflow.loanorder.creditapplication;

/**
 * The saga's steps in order: each is a command to one service, answered by a reply. The manual
 * fraud review is a step without a command of its own: staff conclude it in antifraud-service.
 */
public enum Step {

    SIGN_AUTHORISATION("esign-service", "SignAuthorisation"),
    ASSESS_FRAUD_RISK("antifraud-service", "AssessFraudRisk"),
    FRAUD_REVIEW("antifraud-service (manual review)", "AssessFraudRisk"),
    ASSESS_CREDIT_RISK("credit-decision-service", "AssessCreditRisk"),
    GRANT_CREDIT_LINE("limit-service", "GrantCreditLine");

    private final String service;
    private final String command;

    Step(String service, String command) {
        this.service = service;
        this.command = command;
    }

    String service() {
        return service;
    }

    /** The command (re)sent while the step waits; for the manual review, a re-ask that makes antifraud repeat its answers. */
    String command() {
        return command;
    }

    boolean isBefore(Step other) {
        return ordinal() < other.ordinal();
    }
}
