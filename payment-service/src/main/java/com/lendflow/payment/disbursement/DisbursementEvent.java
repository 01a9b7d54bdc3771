package com.lendflow.payment.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a disbursement: a command, a submission, a query or a callback, and its outcome. */
@Entity
@Table(name = "disbursement_event")
class DisbursementEvent {

    enum Kind { COMMAND, REFUSAL, SUBMISSION, QUERY, CALLBACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "drawdown_id", nullable = false, updatable = false)
    private UUID drawdownId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(updatable = false)
    private String detail;

    protected DisbursementEvent() {
    }

    static DisbursementEvent of(UUID drawdownId, Kind kind, String outcome, String detail, Instant now) {
        DisbursementEvent event = new DisbursementEvent();
        event.drawdownId = drawdownId;
        event.kind = kind.name();
        event.outcome = outcome;
        event.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        event.occurredAt = now;
        return event;
    }

    Long id() {
        return id;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String kind() {
        return kind;
    }

    String outcome() {
        return outcome;
    }

    String detail() {
        return detail;
    }
}
