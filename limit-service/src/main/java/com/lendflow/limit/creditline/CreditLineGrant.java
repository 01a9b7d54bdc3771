package com.lendflow.limit.creditline;

import com.lendflow.contracts.limit.CreditLineGrantRefused;
import com.lendflow.contracts.limit.CreditLineGranted;
import com.lendflow.platform.web.Amounts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One application's answer from the line, kept for good: the terms it asked for, the line as it
 * was before, and whether it was granted or refused. A command re-sent for the same
 * application is answered from here.
 */
@Entity
@Table(name = "credit_line_grant")
class CreditLineGrant {

    enum Outcome { GRANTED, REFUSED }

    @Id
    @Column(name = "application_id")
    private UUID applicationId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "credit_limit", nullable = false, precision = 19, scale = 2)
    private BigDecimal creditLimit;

    @Column(name = "annual_rate", nullable = false, precision = 9, scale = 6)
    private BigDecimal annualRate;

    @Column(name = "risk_grade", nullable = false)
    private String grade;

    @Column(name = "granted_on", nullable = false)
    private LocalDate grantedOn;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_code")
    private GrantRefusal refusalCode;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "before_status", nullable = false)
    private CreditLineStatus beforeStatus;

    @Column(name = "before_limit", nullable = false, precision = 19, scale = 2)
    private BigDecimal beforeLimit;

    @Column(name = "before_rate", precision = 9, scale = 6)
    private BigDecimal beforeRate;

    @Column(name = "before_grade")
    private String beforeGrade;

    @Column(name = "before_expires_on")
    private LocalDate beforeExpiresOn;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal occupied;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal reserved;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected CreditLineGrant() {
    }

    /** Taken by {@link CreditLine#grant} before the line changes. */
    static CreditLineGrant granted(CreditLine before, GrantTerms terms, Instant now) {
        return of(before, terms, Outcome.GRANTED, null, null, now);
    }

    static CreditLineGrant refused(CreditLine line, GrantTerms terms, GrantRefused refusal, Instant now) {
        return of(line, terms, Outcome.REFUSED, refusal.code(), refusal.reason(), now);
    }

    private static CreditLineGrant of(CreditLine line, GrantTerms terms, Outcome outcome, GrantRefusal code,
                                      String reason, Instant now) {
        CreditLineGrant grant = new CreditLineGrant();
        grant.applicationId = terms.applicationId();
        grant.customerId = terms.customerId();
        grant.outcome = outcome;
        grant.creditLimit = terms.creditLimit();
        grant.annualRate = terms.annualRate();
        grant.grade = terms.grade();
        grant.grantedOn = terms.grantedOn();
        grant.expiresOn = terms.expiresOn();
        grant.refusalCode = code;
        grant.refusalReason = reason;
        grant.beforeStatus = line.status();
        grant.beforeLimit = line.creditLimit();
        grant.beforeRate = line.annualRate();
        grant.beforeGrade = line.grade();
        grant.beforeExpiresOn = line.expiresOn();
        grant.occupied = line.occupied();
        grant.reserved = line.reserved();
        grant.decidedAt = now;
        return grant;
    }

    boolean isGranted() {
        return outcome == Outcome.GRANTED;
    }

    /** The reply the saga gets, the same every time it asks. */
    CreditLineGranted granted() {
        return new CreditLineGranted(applicationId, customerId, Amounts.text(creditLimit), Rates.text(annualRate), grade,
                expiresOn, decidedAt);
    }

    CreditLineGrantRefused refused() {
        return new CreditLineGrantRefused(applicationId, refusalCode.name(), refusalReason);
    }

    UUID applicationId() {
        return applicationId;
    }

    UUID customerId() {
        return customerId;
    }

    Outcome outcome() {
        return outcome;
    }

    BigDecimal creditLimit() {
        return creditLimit;
    }

    BigDecimal annualRate() {
        return annualRate;
    }

    String grade() {
        return grade;
    }

    LocalDate grantedOn() {
        return grantedOn;
    }

    LocalDate expiresOn() {
        return expiresOn;
    }

    GrantRefusal refusalCode() {
        return refusalCode;
    }

    String refusalReason() {
        return refusalReason;
    }

    CreditLineStatus beforeStatus() {
        return beforeStatus;
    }

    BigDecimal beforeLimit() {
        return beforeLimit;
    }

    BigDecimal beforeRate() {
        return beforeRate;
    }

    String beforeGrade() {
        return beforeGrade;
    }

    LocalDate beforeExpiresOn() {
        return beforeExpiresOn;
    }

    BigDecimal occupied() {
        return occupied;
    }

    BigDecimal reserved() {
        return reserved;
    }

    Instant decidedAt() {
        return decidedAt;
    }
}
