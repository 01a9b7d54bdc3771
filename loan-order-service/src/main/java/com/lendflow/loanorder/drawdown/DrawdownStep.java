package com.lendflow.loanorder.drawdown;

/**
 * The saga's steps in order. Each but PREPARE_CONTRACT is a command to one service answered by a
 * reply; PREPARE_CONTRACT is this service's own synchronous work (the funding route preview and
 * the schedule summary), done outside any transaction.
 */
public enum DrawdownStep {

    RESERVE_LIMIT("limit-service", "ReserveLimit"),
    LOCK_COUPON("marketing-service", "LockCoupon"),
    PREPARE_CONTRACT("funding-service and core-ledger-service (route preview, schedule)", "route preview"),
    SIGN_CONTRACT("esign-service", "SignLoanContract"),
    ASSESS_RISK("antifraud-service", "AssessDrawdownRisk"),
    DECIDE("credit-decision-service", "DecideDrawdown"),
    RESERVE_FUNDING("funding-service", "ReserveFunding"),
    DISBURSE("payment-service", "Disburse"),
    OPEN_LOAN_ACCOUNT("core-ledger-service", "OpenLoanAccount");

    private final String service;
    private final String command;

    DrawdownStep(String service, String command) {
        this.service = service;
        this.command = command;
    }

    String service() {
        return service;
    }

    String command() {
        return command;
    }

    /** Money may have moved: these steps wait and re-send for as long as it takes, and never fail on a timeout. */
    boolean waitsIndefinitely() {
        return this == DISBURSE || this == OPEN_LOAN_ACCOUNT;
    }

    boolean isBefore(DrawdownStep other) {
        return ordinal() < other.ordinal();
    }
}
