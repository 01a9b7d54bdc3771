package com.lendflow.reconciliation.statement;

/**
 * The five files reconciliation reads, in the one CSV format every source shares (docs: the #8 spec):
 * a header line of exactly these columns, one line per record, and {@code TRAILER,<count>,<total>}.
 */
public enum Layout {

    /** payment-service {@code GET /internal/v1/reconciliation/transactions?date=D}. */
    PAYMENT_TRANSACTIONS("request_no,direction,business_id,loan_id,amount,status,channel_txn_id,completed_at,funding_partner_id", 4),
    /** core-ledger-service {@code GET /internal/v1/reconciliation/movements?date=D}. */
    LEDGER_MOVEMENTS("business_id,kind,loan_id,amount,principal,interest,funding_partner_id,booked_on,posted_at", 3),
    /** loan-order-service {@code GET /internal/v1/reconciliation/drawdowns?date=D}. */
    DRAWDOWNS("drawdown_id,state,amount,loan_id,customer_id,disbursed_at", 2),
    /** A channel's statement. */
    CHANNEL_STATEMENT("channel_txn_id,request_no,direction,amount,status,completed_at", 3),
    /** A funding partner's statement. */
    FUNDING_STATEMENT("partner_txn_id,reference,type,amount,value_date", 3);

    private final String header;
    private final int columns;
    private final int amountColumn;

    Layout(String header, int amountColumn) {
        this.header = header;
        this.columns = header.split(",").length;
        this.amountColumn = amountColumn;
    }

    public String header() {
        return header;
    }

    public int columns() {
        return columns;
    }

    public int amountColumn() {
        return amountColumn;
    }
}
