package com.lendflow.payment.repayment;

import com.lendflow.payment.transfer.TransferEvent;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a repayment order: the request, a submission, a query, a callback, the ledger's word. */
@Entity
@Table(name = "repayment_event")
@AttributeOverride(name = "transferId", column = @Column(name = "order_id", nullable = false, updatable = false))
class RepaymentEvent extends TransferEvent {

    /** What a repayment order adds to the transfer core's steps. */
    enum Kind { REQUEST, REFUSAL, LEDGER }

    protected RepaymentEvent() {
    }

    static RepaymentEvent of(UUID orderId, Kind kind, String outcome, String detail, Instant now) {
        return of(orderId, kind.name(), outcome, detail, now);
    }

    static RepaymentEvent of(UUID orderId, String kind, String outcome, String detail, Instant now) {
        return new RepaymentEvent().happened(orderId, kind, outcome, detail, now);
    }
}
