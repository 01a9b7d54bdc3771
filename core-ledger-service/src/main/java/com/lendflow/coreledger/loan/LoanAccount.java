package com.lendflow.coreledger.loan;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A borrower's loan: what was lent on which terms, and where it stands. It owns its state machine
 * (ACTIVE → SETTLED or WRITTEN_OFF, both final): a transition checks the current state and refuses
 * an illegal move. The terms never change after opening; a changed schedule is a new schedule version.
 */
public final class LoanAccount {

    private final UUID id;
    private final UUID customerId;
    private final String productCode;
    private final BigDecimal principal;
    private final BigDecimal annualRate;
    private final int termMonths;
    private final RepaymentMethod method;
    private final LocalDate startDate;
    private final String fundingPartner;
    private final String disbursementId;
    private final Instant openedAt;
    private LoanStatus status;
    private BigDecimal outstandingPrincipal;
    private final long version;

    LoanAccount(UUID id, UUID customerId, String productCode, BigDecimal principal, BigDecimal annualRate,
                int termMonths, RepaymentMethod method, LocalDate startDate, String fundingPartner,
                String disbursementId, Instant openedAt, LoanStatus status, BigDecimal outstandingPrincipal,
                long version) {
        this.id = id;
        this.customerId = customerId;
        this.productCode = productCode;
        this.principal = principal;
        this.annualRate = annualRate;
        this.termMonths = termMonths;
        this.method = method;
        this.startDate = startDate;
        this.fundingPartner = fundingPartner;
        this.disbursementId = disbursementId;
        this.openedAt = openedAt;
        this.status = status;
        this.outstandingPrincipal = outstandingPrincipal;
        this.version = version;
    }

    /** A new, active loan owing its whole principal. The command is already checked against its product. */
    static LoanAccount open(UUID id, OpenLoan command, Instant openedAt) {
        BigDecimal principal = command.principal().setScale(2, RoundingMode.UNNECESSARY);
        return new LoanAccount(id, command.customerId(), command.productCode(), principal,
                command.annualRate().setScale(6, RoundingMode.UNNECESSARY), command.termMonths(), command.method(),
                command.startDate(), command.fundingPartner(), command.disbursementId(), openedAt, LoanStatus.ACTIVE,
                principal, 0);
    }

    /** Whether this loan is the one {@code command} would open: a redelivered opening, not a different loan. */
    boolean isOpenedBy(OpenLoan command) {
        return disbursementId.equals(command.disbursementId()) && customerId.equals(command.customerId())
                && productCode.equals(command.productCode()) && principal.compareTo(command.principal()) == 0
                && annualRate.compareTo(command.annualRate()) == 0 && termMonths == command.termMonths()
                && method == command.method() && startDate.equals(command.startDate())
                && fundingPartner.equals(command.fundingPartner());
    }

    /** Paid off: only an active loan with no principal outstanding settles. */
    void settle() {
        if (outstandingPrincipal.signum() != 0) {
            throw new IllegalStateException("loan " + id + " still owes " + outstandingPrincipal.toPlainString()
                    + " principal and cannot settle");
        }
        moveTo(LoanStatus.SETTLED);
    }

    /** Given up on: the outstanding principal stays on record for the write-off posting. */
    void writeOff() {
        moveTo(LoanStatus.WRITTEN_OFF);
    }

    private void moveTo(LoanStatus next) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalStateException("loan " + id + " is " + status + " and cannot become " + next);
        }
        status = next;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String productCode() {
        return productCode;
    }

    public BigDecimal principal() {
        return principal;
    }

    public BigDecimal annualRate() {
        return annualRate;
    }

    public int termMonths() {
        return termMonths;
    }

    public RepaymentMethod method() {
        return method;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public String fundingPartner() {
        return fundingPartner;
    }

    public String disbursementId() {
        return disbursementId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public LoanStatus status() {
        return status;
    }

    public BigDecimal outstandingPrincipal() {
        return outstandingPrincipal;
    }

    public long version() {
        return version;
    }
}
