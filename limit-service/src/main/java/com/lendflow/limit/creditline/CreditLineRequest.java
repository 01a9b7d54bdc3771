package com.lendflow.limit.creditline;

import com.lendflow.contracts.limit.CreditLineFrozen;
import com.lendflow.contracts.limit.CreditLineLowered;
import com.lendflow.contracts.limit.CreditLineUnfrozen;
import com.lendflow.platform.web.Amounts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One freeze, unfreeze or lowering asked of a line, with its answer, kept for good: a request re-sent
 * under any message id is answered from here. A FREEZE holds until it is lifted, and the line is
 * frozen while any FREEZE holds.
 */
@Entity
@Table(name = "credit_line_request")
class CreditLineRequest {

    enum Kind { FREEZE, UNFREEZE, LOWER }

    static final int REASON_LENGTH = 500;

    @Id
    @Column(name = "request_id")
    private String requestId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(updatable = false)
    private String code;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false, updatable = false)
    private CreditLineStatus statusAfter;

    @Column(name = "requested_limit", updatable = false, precision = 19, scale = 2)
    private BigDecimal requestedLimit;

    @Column(name = "from_limit", updatable = false, precision = 19, scale = 2)
    private BigDecimal fromLimit;

    @Column(name = "to_limit", updatable = false, precision = 19, scale = 2)
    private BigDecimal toLimit;

    @Column(name = "lifted_codes", updatable = false)
    private String liftedCodes;

    @Column(name = "lifted_by_request")
    private String liftedByRequest;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    protected CreditLineRequest() {
    }

    static CreditLineRequest freeze(String requestId, UUID customerId, FreezeCode code, String reason, String by,
                                    Instant now) {
        CreditLineRequest request = of(requestId, customerId, Kind.FREEZE, reason, by, now);
        request.code = code.name();
        request.statusAfter = CreditLineStatus.FROZEN;
        return request;
    }

    static CreditLineRequest unfreeze(String requestId, UUID customerId, String reason, String by, String liftedCodes,
                                      CreditLineStatus statusAfter, Instant now) {
        CreditLineRequest request = of(requestId, customerId, Kind.UNFREEZE, reason, by, now);
        request.liftedCodes = liftedCodes;
        request.statusAfter = statusAfter;
        return request;
    }

    static CreditLineRequest lower(String requestId, UUID customerId, String code, String reason, String by,
                                   BigDecimal requested, BigDecimal from, BigDecimal to, CreditLineStatus statusAfter,
                                   Instant now) {
        CreditLineRequest request = of(requestId, customerId, Kind.LOWER, reason, by, now);
        request.code = code;
        request.requestedLimit = requested;
        request.fromLimit = from;
        request.toLimit = to;
        request.statusAfter = statusAfter;
        return request;
    }

    private static CreditLineRequest of(String requestId, UUID customerId, Kind kind, String reason, String by, Instant now) {
        CreditLineRequest request = new CreditLineRequest();
        request.requestId = requestId;
        request.customerId = customerId;
        request.kind = kind;
        request.reason = reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH);
        request.requestedBy = by;
        request.requestedAt = now;
        return request;
    }

    /** This freeze stops holding, lifted by an unfreeze request or by the repayment that ended an over-occupation. */
    void lift(String by, Instant now) {
        if (kind != Kind.FREEZE || liftedAt != null) {
            throw new IllegalStateException("request %s is a %s%s and cannot be lifted"
                    .formatted(requestId, kind, liftedAt == null ? "" : " lifted already"));
        }
        liftedByRequest = by;
        liftedAt = now;
    }

    CreditLineFrozen frozenReply() {
        return new CreditLineFrozen(requestId, customerId, code, reason);
    }

    CreditLineUnfrozen unfrozenReply() {
        return new CreditLineUnfrozen(requestId, customerId, statusAfter.name(), reason);
    }

    CreditLineLowered loweredReply() {
        return new CreditLineLowered(requestId, customerId, Amounts.text(fromLimit), Amounts.text(toLimit), reason);
    }

    String requestId() {
        return requestId;
    }

    UUID customerId() {
        return customerId;
    }

    Kind kind() {
        return kind;
    }

    String code() {
        return code;
    }

    String reason() {
        return reason;
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    CreditLineStatus statusAfter() {
        return statusAfter;
    }

    BigDecimal requestedLimit() {
        return requestedLimit;
    }

    BigDecimal fromLimit() {
        return fromLimit;
    }

    BigDecimal toLimit() {
        return toLimit;
    }

    String liftedCodes() {
        return liftedCodes;
    }

    String liftedByRequest() {
        return liftedByRequest;
    }

    Instant liftedAt() {
        return liftedAt;
    }
}
