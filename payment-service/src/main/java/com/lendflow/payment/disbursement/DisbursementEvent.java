package com.lendflow.payment.disbursement;

import com.lendflow.payment.transfer.TransferEvent;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a disbursement: a command, a submission, a query or a callback, and its outcome. */
@Entity
@Table(name = "disbursement_event")
@AttributeOverride(name = "transferId", column = @Column(name = "drawdown_id", nullable = false, updatable = false))
class DisbursementEvent extends TransferEvent {

    /** What the disbursement adds to the transfer core's steps. */
    enum Kind { COMMAND, REFUSAL }

    protected DisbursementEvent() {
    }

    static DisbursementEvent of(UUID drawdownId, Kind kind, String outcome, String detail, Instant now) {
        return of(drawdownId, kind.name(), outcome, detail, now);
    }

    static DisbursementEvent of(UUID drawdownId, String kind, String outcome, String detail, Instant now) {
        return new DisbursementEvent().happened(drawdownId, kind, outcome, detail, now);
    }
}
