package com.lendflow.collection.postloan.adjustment;

import com.lendflow.contracts.ledger.AdjustLoan;
import com.lendflow.contracts.ledger.LoanAdjusted;
import com.lendflow.contracts.ledger.LoanAdjustmentRefused;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * A post-loan adjustment under maker-checker. The maker requests it; a checker who is not the maker approves
 * or rejects it, and approval produces the {@link AdjustLoan} the ledger applies; the ledger's answer
 * concludes it. Each transition checks the current state and refuses an illegal move.
 */
final class LoanAdjustment {

    private final UUID id;
    private final UUID loanId;
    private final UUID customerId;
    private final AdjustmentKind kind;
    private final Integer extraPeriods;
    private final BigDecimal penalty;
    private final BigDecimal interest;
    private final BigDecimal annualRate;
    private final String reason;
    private final int daysPastDue;
    private final String maker;
    private final Instant requestedAt;
    private final long version;
    private AdjustmentState state;
    private String checker;
    private Instant decidedAt;
    private String decisionReason;
    private Integer scheduleVersion;
    private BigDecimal amount;
    private UUID journalEntryId;
    private LocalDate effectiveOn;
    private String refusalCode;
    private String refusalReason;
    private Instant concludedAt;

    LoanAdjustment(UUID id, UUID loanId, UUID customerId, AdjustmentKind kind, Integer extraPeriods, BigDecimal penalty,
                   BigDecimal interest, BigDecimal annualRate, String reason, int daysPastDue, AdjustmentState state,
                   String maker, Instant requestedAt, String checker, Instant decidedAt, String decisionReason,
                   Integer scheduleVersion, BigDecimal amount, UUID journalEntryId, LocalDate effectiveOn,
                   String refusalCode, String refusalReason, Instant concludedAt, long version) {
        this.id = id;
        this.loanId = loanId;
        this.customerId = customerId;
        this.kind = kind;
        this.extraPeriods = extraPeriods;
        this.penalty = penalty;
        this.interest = interest;
        this.annualRate = annualRate;
        this.reason = reason;
        this.daysPastDue = daysPastDue;
        this.state = state;
        this.maker = maker;
        this.requestedAt = requestedAt;
        this.checker = checker;
        this.decidedAt = decidedAt;
        this.decisionReason = decisionReason;
        this.scheduleVersion = scheduleVersion;
        this.amount = amount;
        this.journalEntryId = journalEntryId;
        this.effectiveOn = effectiveOn;
        this.refusalCode = refusalCode;
        this.refusalReason = refusalReason;
        this.concludedAt = concludedAt;
        this.version = version;
    }

    static LoanAdjustment request(RequestAdjustment command, LoanStanding loan, String maker, Instant at) {
        return new LoanAdjustment(UUID.randomUUID(), command.loanId(), loan.customerId(), command.kind(),
                command.extraPeriods(), command.penalty(), command.interest(), command.annualRate(), command.reason(),
                loan.daysPastDue(), AdjustmentState.REQUESTED, maker, at, null, null, null, null, null, null, null, null,
                null, null, 0);
    }

    /** The checker approves: returns the command the ledger is to apply. */
    AdjustLoan approve(String checker, String reason, Instant at) {
        decide(AdjustmentState.APPROVED, checker, reason, at);
        return new AdjustLoan(id.toString(), loanId, kind.name(), extraPeriods, money(penalty), money(interest),
                annualRate == null ? null : annualRate.setScale(6, RoundingMode.UNNECESSARY).toPlainString(),
                this.reason, maker, checker);
    }

    void reject(String checker, String reason, Instant at) {
        decide(AdjustmentState.REJECTED, checker, reason, at);
    }

    /** The ledger applied it; false when it was concluded already (a repeated answer). */
    boolean applied(LoanAdjusted answer, Instant at) {
        if (!conclude(AdjustmentState.APPLIED)) {
            return false;
        }
        scheduleVersion = answer.scheduleVersion();
        amount = answer.amount() == null ? null : new BigDecimal(answer.amount());
        journalEntryId = answer.journalEntryId();
        effectiveOn = answer.effectiveOn();
        concludedAt = at;
        return true;
    }

    /** The ledger refused it; false when it was concluded already (a repeated answer). */
    boolean refused(LoanAdjustmentRefused answer, Instant at) {
        if (!conclude(AdjustmentState.REFUSED)) {
            return false;
        }
        refusalCode = answer.code();
        refusalReason = answer.reason();
        concludedAt = at;
        return true;
    }

    private void decide(AdjustmentState outcome, String checker, String reason, Instant at) {
        if (!state.canTransitionTo(outcome)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "adjustment-already-decided", "Adjustment already decided",
                    "adjustment " + id + " is " + state + (this.checker == null ? "" : " (decided by " + this.checker + ")")
                            + "; only a REQUESTED adjustment can be approved or rejected");
        }
        if (maker.equals(checker)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "maker-cannot-check", "Maker cannot check",
                    "maker-checker: " + checker + " requested adjustment " + id
                            + " and so cannot approve or reject it; another supervisor must");
        }
        this.state = outcome;
        this.checker = checker;
        this.decidedAt = at;
        this.decisionReason = reason;
    }

    private boolean conclude(AdjustmentState outcome) {
        if (state == AdjustmentState.APPLIED || state == AdjustmentState.REFUSED) {
            return false;
        }
        if (!state.canTransitionTo(outcome)) {
            throw new IllegalStateException("adjustment " + id + " is " + state + " and cannot become " + outcome);
        }
        state = outcome;
        return true;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : Amounts.text(amount);
    }

    UUID id() {
        return id;
    }

    UUID loanId() {
        return loanId;
    }

    UUID customerId() {
        return customerId;
    }

    AdjustmentKind kind() {
        return kind;
    }

    Integer extraPeriods() {
        return extraPeriods;
    }

    BigDecimal penalty() {
        return penalty;
    }

    BigDecimal interest() {
        return interest;
    }

    BigDecimal annualRate() {
        return annualRate;
    }

    String reason() {
        return reason;
    }

    int daysPastDue() {
        return daysPastDue;
    }

    AdjustmentState state() {
        return state;
    }

    String maker() {
        return maker;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    String checker() {
        return checker;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String decisionReason() {
        return decisionReason;
    }

    Integer scheduleVersion() {
        return scheduleVersion;
    }

    BigDecimal amount() {
        return amount;
    }

    UUID journalEntryId() {
        return journalEntryId;
    }

    LocalDate effectiveOn() {
        return effectiveOn;
    }

    String refusalCode() {
        return refusalCode;
    }

    String refusalReason() {
        return refusalReason;
    }

    Instant concludedAt() {
        return concludedAt;
    }

    long version() {
        return version;
    }
}
