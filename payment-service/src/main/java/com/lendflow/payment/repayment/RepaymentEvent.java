package com.lendflow.payment.repayment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a repayment order: the request, a submission, a query, a callback, the ledger's word. */
@Entity
@Table(name = "repayment_event")
class RepaymentEvent {

    enum Kind { REQUEST, REFUSAL, SUBMISSION, QUERY, CALLBACK, LEDGER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(updatable = false)
    private String detail;

    protected RepaymentEvent() {
    }

    static RepaymentEvent of(UUID orderId, Kind kind, String outcome, String detail, Instant now) {
        RepaymentEvent event = new RepaymentEvent();
        event.orderId = orderId;
        event.kind = kind.name();
        event.outcome = outcome;
        event.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        event.occurredAt = now;
        return event;
    }

    UUID orderId() {
        return orderId;
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
