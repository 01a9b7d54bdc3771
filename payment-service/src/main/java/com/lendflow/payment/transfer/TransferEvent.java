package com.lendflow.payment.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened to a channel transfer, and its outcome: what ops staff read to see why a
 * transfer is where it is. Each kind of transfer keeps its own log table; the subclass names the
 * column of the transfer's id ({@code transferId}).
 */
@MappedSuperclass
public abstract class TransferEvent {

    /** What the transfer core itself records; each kind of transfer adds its own (a command, a refusal, ...). */
    public enum Step { SUBMISSION, QUERY, CALLBACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "transfer_id", nullable = false, updatable = false)
    private UUID transferId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(updatable = false)
    private String detail;

    protected TransferEvent() {
    }

    protected final <E extends TransferEvent> E happened(UUID transferId, String kind, String outcome, String detail,
                                                   Instant now) {
        this.transferId = transferId;
        this.kind = kind;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.occurredAt = now;
        @SuppressWarnings("unchecked")
        E self = (E) this;
        return self;
    }

    public Long id() {
        return id;
    }

    public UUID transferId() {
        return transferId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String kind() {
        return kind;
    }

    public String outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
