package com.lendflow.reconciliation.statement;

/** Where a file comes from: our three exports, and their two kinds of statement. */
public enum Source {

    PAYMENT(Layout.PAYMENT_TRANSACTIONS, "payment-service transactions"),
    LEDGER(Layout.LEDGER_MOVEMENTS, "core-ledger movements"),
    LOAN_ORDER(Layout.DRAWDOWNS, "loan-order drawdowns"),
    CHANNEL(Layout.CHANNEL_STATEMENT, "channel statement"),
    FUNDING(Layout.FUNDING_STATEMENT, "funding-partner statement");

    private final Layout layout;
    private final String description;

    Source(Layout layout, String description) {
        this.layout = layout;
        this.description = description;
    }

    public Layout layout() {
        return layout;
    }

    public String description() {
        return description;
    }

    public boolean ours() {
        return this == PAYMENT || this == LEDGER || this == LOAN_ORDER;
    }
}
