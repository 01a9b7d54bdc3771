package com.lendflow.limit.creditline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "credit_line")
class CreditLine {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    @Id
    @Column(name = "customer_id")
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CreditLineStatus status;

    @Column(name = "credit_limit", nullable = false, precision = 19, scale = 2)
    private BigDecimal creditLimit;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal occupied;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal reserved;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Version
    private long version;

    protected CreditLine() {
    }

    /** An empty line for a newly registered customer: nothing granted, nothing to draw. */
    static CreditLine openEmpty(UUID customerId, Instant now) {
        CreditLine line = new CreditLine();
        line.customerId = customerId;
        line.status = CreditLineStatus.NOT_ACTIVATED;
        line.creditLimit = ZERO;
        line.occupied = ZERO;
        line.reserved = ZERO;
        line.openedAt = now;
        return line;
    }

    BigDecimal available() {
        return creditLimit.subtract(occupied).subtract(reserved);
    }

    UUID customerId() {
        return customerId;
    }

    CreditLineStatus status() {
        return status;
    }

    BigDecimal creditLimit() {
        return creditLimit;
    }

    BigDecimal occupied() {
        return occupied;
    }

    BigDecimal reserved() {
        return reserved;
    }

    Instant openedAt() {
        return openedAt;
    }
}
