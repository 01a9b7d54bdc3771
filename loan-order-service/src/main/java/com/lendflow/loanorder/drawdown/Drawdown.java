package com.lendflow.loanorder.drawdown;

import com.lendflow.contracts.antifraud.DrawdownRiskAssessed;
import com.lendflow.contracts.creditdecision.DrawdownDecided;
import com.lendflow.contracts.esign.LoanContractSigned;
import com.lendflow.contracts.esign.SigningFailed;
import com.lendflow.contracts.funding.FundingRefused;
import com.lendflow.contracts.funding.FundingReserved;
import com.lendflow.contracts.ledger.LoanAccountOpened;
import com.lendflow.contracts.ledger.LoanAccountRefused;
import com.lendflow.contracts.limit.LimitReservationRefused;
import com.lendflow.contracts.limit.LimitReserved;
import com.lendflow.contracts.loanorder.DrawdownConcluded;
import com.lendflow.contracts.marketing.CouponLockRefused;
import com.lendflow.contracts.marketing.CouponLocked;
import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.contracts.payment.DisbursementSucceeded;
import com.lendflow.loanorder.drawdown.DrawdownTimelineEntry.Kind;
import com.lendflow.platform.security.crypto.EncryptedStringConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's drawdown and the saga that pays it out. The drawdown owns its state machine: each
 * reply method checks that the reply answers the step now awaited, moves the state, sets the next
 * step's deadline, records what happened in the timeline, and returns the effects the saga must
 * carry out (the next command, compensations, confirmations, the conclusion). A reply for another
 * step changes nothing but the timeline.
 *
 * <p>What is held elsewhere is tracked from the moment its reserving command is sent until a
 * refusal says otherwise, so a step that timed out is compensated too (the release commands do
 * nothing where nothing is held). Once the payment succeeded nothing is ever compensated.
 */
@Entity
@Table(name = "drawdown")
class Drawdown {

    private static final Logger log = LoggerFactory.getLogger(Drawdown.class);

    @Id
    private UUID id;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;
    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DrawdownState state;
    /** The step awaited while in flight; where it stopped once failed; null once disbursed. */
    @Enumerated(EnumType.STRING)
    private DrawdownStep step;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "step_started_at")
    private Instant stepStartedAt;
    @Column(name = "step_deadline")
    private Instant stepDeadline;
    @Column(name = "reason_code")
    private String reasonCode;
    /** For staff only: never shown to the customer. */
    private String reason;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(name = "term_months", nullable = false, updatable = false)
    private int termMonths;
    @Column(nullable = false, updatable = false)
    private String method;
    @Column(name = "card_id", nullable = false, updatable = false)
    private UUID cardId;
    @Column(name = "card_last4", updatable = false)
    private String cardLast4;
    @Column(name = "coupon_id", updatable = false)
    private UUID couponId;
    @Column(name = "credit_application_id", nullable = false, updatable = false)
    private UUID creditApplicationId;
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "full_name_encrypted", nullable = false, updatable = false)
    private String fullName;
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "id_number_encrypted", nullable = false, updatable = false)
    private String idNumber;
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "mobile_encrypted", nullable = false, updatable = false)
    private String mobile;
    /** The device snapshot as JSON, encrypted; null when the app sent none. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "device_encrypted", updatable = false)
    private String device;
    @Column(name = "authorisation_document_id", nullable = false, updatable = false)
    private UUID authorisationDocumentId;
    @Column(name = "authorisation_sha256", nullable = false, updatable = false)
    private String authorisationSha256;
    @Column(name = "authorisation_signed_at", nullable = false, updatable = false)
    private Instant authorisationSignedAt;

    /** The line's rate and grade when the limit was reserved. */
    @Column(name = "line_rate")
    private BigDecimal lineRate;
    private String grade;
    /** The loan's rate: the line's, or the coupon's discounted rate. */
    @Column(name = "annual_rate")
    private BigDecimal annualRate;
    @Column(name = "coupon_kind")
    private String couponKind;
    @Column(name = "interest_free_days", nullable = false)
    private int interestFreeDays;

    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "partner_name")
    private String partnerName;
    /** The date the schedule was computed from (the contract's signing date). */
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "total_interest")
    private BigDecimal totalInterest;
    @Column(name = "first_installment")
    private BigDecimal firstInstallment;
    @Column(name = "first_due_date")
    private LocalDate firstDueDate;
    @Column(name = "last_due_date")
    private LocalDate lastDueDate;

    @Column(name = "contract_document_id")
    private UUID contractDocumentId;
    @Column(name = "contract_sha256")
    private String contractSha256;
    @Column(name = "contract_signed_at")
    private Instant contractSignedAt;
    @Column(name = "fraud_result")
    private String fraudResult;
    @Column(name = "fraud_score")
    private Integer fraudScore;
    @Column(name = "decision_outcome")
    private String decisionOutcome;
    @Column(name = "funding_business_date")
    private LocalDate fundingBusinessDate;
    @Column(name = "request_no")
    private String requestNo;
    private String channel;
    @Column(name = "disbursed_at")
    private Instant disbursedAt;
    @Column(name = "loan_id")
    private UUID loanId;
    /** The booked installment totals, comma-separated two-decimal strings. */
    private String installments;

    @Column(name = "limit_held", nullable = false)
    private boolean limitHeld;
    @Column(name = "coupon_held", nullable = false)
    private boolean couponHeld;
    @Column(name = "funding_held", nullable = false)
    private boolean fundingHeld;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "concluded_at")
    private Instant concludedAt;
    @Version
    private Long version;

    @Transient
    private List<DrawdownTimelineEntry> recorded = new ArrayList<>();

    protected Drawdown() {
    }

    /** A new drawdown; the saga sends ReserveLimit next. */
    static Drawdown create(UUID id, SubmitDrawdown command, String deviceJson, Instant now, DrawdownTimeouts timeouts) {
        Drawdown d = new Drawdown();
        d.id = id;
        d.customerId = command.customerId();
        d.idempotencyKey = command.idempotencyKey();
        d.amount = command.amount().setScale(2, RoundingMode.UNNECESSARY);
        d.termMonths = command.termMonths();
        d.method = command.method().name();
        d.cardId = command.cardId();
        d.cardLast4 = command.cardLast4();
        d.couponId = command.couponId();
        d.creditApplicationId = command.approved().applicationId();
        d.fullName = command.approved().fullName();
        d.idNumber = command.approved().idNumber();
        d.mobile = command.approved().mobile();
        d.device = deviceJson;
        d.authorisationDocumentId = command.approved().authorisationDocumentId();
        d.authorisationSha256 = command.approved().authorisationSha256();
        d.authorisationSignedAt = command.approved().authorisationSignedAt();
        d.submittedAt = now;
        d.state = DrawdownState.CREATED;
        d.record(new DrawdownTimelineEntry(now, Kind.SUBMITTED, DrawdownState.CREATED, null, null, null, null,
                "asked to borrow " + d.amount.toPlainString() + " over " + d.termMonths + " months, " + d.method
                        + (d.couponId == null ? ", no coupon" : ", coupon " + d.couponId),
                Map.of()));
        log.info("drawdown {} of customer {} for {} over {} months is {}", id, d.customerId, d.amount, d.termMonths,
                DrawdownState.CREATED);
        d.startStep(DrawdownStep.RESERVE_LIMIT, now, timeouts);
        return d;
    }

    // --- replies -------------------------------------------------------------------------------

    List<Effect> limitReserved(LimitReserved reserved, Received received, DrawdownTimeouts timeouts) {
        Map<String, Object> details = details("amount", reserved.amount(), "annualRate", reserved.annualRate(),
                "grade", reserved.grade(), "availableAfter", reserved.availableAfter());
        if (!awaits(DrawdownStep.RESERVE_LIMIT, received, details)) {
            return List.of();
        }
        replied(received, "limit reserved; " + reserved.availableAfter() + " available after it", details);
        limitHeld = true;
        BigDecimal rate = decimal(reserved.annualRate(), 6);
        BigDecimal reservedAmount = decimal(reserved.amount(), 2);
        if (rate == null || rate.signum() < 0 || isBlank(reserved.grade()) || reservedAmount == null
                || reservedAmount.compareTo(amount) != 0) {
            return fail("INVALID_REPLY", "LimitReserved lacks a usable rate or grade, or reserved " + reserved.amount()
                    + " instead of " + amount.toPlainString(), received.at(), false);
        }
        lineRate = rate;
        annualRate = rate;
        grade = reserved.grade();
        moveTo(DrawdownState.LIMIT_RESERVED, received.at());
        if (couponId != null) {
            startStep(DrawdownStep.LOCK_COUPON, received.at(), timeouts);
            return List.of(Effect.SEND_COMMAND);
        }
        return startPreparing(received.at(), timeouts);
    }

    List<Effect> limitRefused(LimitReservationRefused refused, Received received) {
        if (!awaits(DrawdownStep.RESERVE_LIMIT, received, Map.of())) {
            return List.of();
        }
        replied(received, "limit-service refused the reservation: " + refused.code(),
                details("code", refused.code(), "reason", refused.reason()));
        limitHeld = false;
        return fail(codeOr(refused.code(), "LIMIT_REFUSED"), "the limit could not be reserved: " + refused.reason(),
                received.at(), false);
    }

    List<Effect> couponLocked(CouponLocked locked, Received received, DrawdownTimeouts timeouts) {
        Map<String, Object> details = details("couponId", locked.couponId(), "kind", locked.kind(),
                "discountedRate", locked.discountedRate(), "interestFreeDays", locked.interestFreeDays());
        if (!awaits(DrawdownStep.LOCK_COUPON, received, details)) {
            return List.of();
        }
        replied(received, "coupon locked: " + locked.kind(), details);
        couponHeld = true;
        couponKind = locked.kind();
        switch (String.valueOf(locked.kind())) {
            case "RATE_DISCOUNT" -> {
                BigDecimal discounted = decimal(locked.discountedRate(), 6);
                if (discounted == null || discounted.signum() < 0 || discounted.compareTo(lineRate) > 0) {
                    return fail("INVALID_REPLY", "CouponLocked RATE_DISCOUNT carries the rate " + locked.discountedRate()
                            + ", which is no discount on the line's " + lineRate.toPlainString(), received.at(), false);
                }
                annualRate = discounted;
            }
            case "INTEREST_FREE_DAYS" -> {
                if (locked.interestFreeDays() <= 0) {
                    return fail("INVALID_REPLY", "CouponLocked INTEREST_FREE_DAYS carries no days", received.at(), false);
                }
                interestFreeDays = locked.interestFreeDays();
            }
            default -> {
                return fail("INVALID_REPLY", "CouponLocked has the unknown kind " + locked.kind(), received.at(), false);
            }
        }
        moveTo(DrawdownState.COUPON_LOCKED, received.at());
        return startPreparing(received.at(), timeouts);
    }

    List<Effect> couponRefused(CouponLockRefused refused, Received received) {
        if (!awaits(DrawdownStep.LOCK_COUPON, received, Map.of())) {
            return List.of();
        }
        replied(received, "marketing-service refused the coupon: " + refused.code(),
                details("code", refused.code(), "reason", refused.reason()));
        couponHeld = false;
        return fail("COUPON_" + codeOr(refused.code(), "REFUSED"), "the coupon could not be locked: " + refused.reason(),
                received.at(), false);
    }

    /** The route preview and the schedule summary, from outside any transaction; the contract is signed next. */
    List<Effect> contractPrepared(Prepared prepared, Instant now, DrawdownTimeouts timeouts) {
        if (state.isFinal() || step != DrawdownStep.PREPARE_CONTRACT) {
            return List.of();
        }
        partnerId = prepared.partnerId();
        partnerName = prepared.partnerName();
        startDate = prepared.startDate();
        totalInterest = prepared.totalInterest();
        firstInstallment = prepared.firstInstallment();
        firstDueDate = prepared.firstDueDate();
        lastDueDate = prepared.lastDueDate();
        record(new DrawdownTimelineEntry(now, Kind.PREPARED, state, step, null, null, attempts,
                "routed to " + partnerName + "; total interest " + totalInterest.toPlainString() + " at "
                        + annualRate.toPlainString(),
                details("partnerId", partnerId, "partnerName", partnerName, "startDate", startDate,
                        "totalInterest", totalInterest.toPlainString(), "firstInstallment", firstInstallment.toPlainString(),
                        "firstDueDate", firstDueDate, "lastDueDate", lastDueDate)));
        startStep(DrawdownStep.SIGN_CONTRACT, now, timeouts);
        return List.of(Effect.SEND_COMMAND);
    }

    /** The preparation failed: a refusal ends the drawdown, anything else waits for the sweeper's next try. */
    List<Effect> preparationFailed(String code, String why, boolean permanent, Instant now) {
        if (state.isFinal() || step != DrawdownStep.PREPARE_CONTRACT) {
            return List.of();
        }
        record(new DrawdownTimelineEntry(now, Kind.PREPARATION_FAILED, state, step, null, null, attempts, why,
                details("code", code)));
        if (permanent) {
            return fail(code, why, now, false);
        }
        updatedAt = now;
        return List.of();
    }

    List<Effect> contractSigned(LoanContractSigned signed, Received received, DrawdownTimeouts timeouts) {
        Map<String, Object> details = details("documentId", signed.documentId(), "sha256", signed.sha256(),
                "signedAt", signed.signedAt());
        if (!awaits(DrawdownStep.SIGN_CONTRACT, received, details)) {
            return List.of();
        }
        replied(received, "loan contract signed as document " + signed.documentId(), details);
        if (signed.documentId() == null || isBlank(signed.sha256()) || signed.signedAt() == null) {
            return fail("INVALID_REPLY", "LoanContractSigned lacks the document id, hash or signing time", received.at(),
                    false);
        }
        contractDocumentId = signed.documentId();
        contractSha256 = signed.sha256();
        contractSignedAt = signed.signedAt();
        moveTo(DrawdownState.CONTRACT_SIGNED, received.at());
        startStep(DrawdownStep.ASSESS_RISK, received.at(), timeouts);
        return List.of(Effect.SEND_COMMAND);
    }

    List<Effect> signingFailed(SigningFailed failed, Received received) {
        if (!awaits(DrawdownStep.SIGN_CONTRACT, received, Map.of())) {
            return List.of();
        }
        replied(received, "esign-service could not sign the contract: " + failed.code(),
                details("code", failed.code(), "reason", failed.reason()));
        return fail(codeOr(failed.code(), "SIGNING_FAILED"), "the loan contract could not be signed: " + failed.reason(),
                received.at(), false);
    }

    List<Effect> riskAssessed(DrawdownRiskAssessed assessed, Received received, DrawdownTimeouts timeouts) {
        Map<String, Object> details = details("result", assessed.result(), "score", assessed.score(),
                "firedRules", assessed.firedRules());
        if (!awaits(DrawdownStep.ASSESS_RISK, received, details)) {
            return List.of();
        }
        replied(received, "anti-fraud " + assessed.result() + " with score " + assessed.score(), details);
        fraudResult = assessed.result();
        fraudScore = assessed.score();
        return switch (String.valueOf(assessed.result())) {
            case "PASS" -> {
                moveTo(DrawdownState.FRAUD_CHECKED, received.at());
                startStep(DrawdownStep.DECIDE, received.at(), timeouts);
                yield List.of(Effect.SEND_COMMAND);
            }
            case "REJECT" -> fail("FRAUD_REJECTED", "anti-fraud rejected with score " + assessed.score() + ": "
                    + (assessed.firedRules() == null || assessed.firedRules().isEmpty() ? "no rule named"
                    : String.join(", ", assessed.firedRules())), received.at(), false);
            default -> fail("INVALID_REPLY", "anti-fraud answered with the unknown result " + assessed.result(),
                    received.at(), false);
        };
    }

    List<Effect> decided(DrawdownDecided decided, Received received, DrawdownTimeouts timeouts) {
        Map<String, Object> details = details("outcome", decided.outcome(), "reasonCode", decided.reasonCode(),
                "reasons", decided.reasons());
        if (!awaits(DrawdownStep.DECIDE, received, details)) {
            return List.of();
        }
        replied(received, "drawdown decision " + decided.outcome(), details);
        decisionOutcome = decided.outcome();
        return switch (String.valueOf(decided.outcome())) {
            case "APPROVE" -> {
                moveTo(DrawdownState.APPROVED, received.at());
                startStep(DrawdownStep.RESERVE_FUNDING, received.at(), timeouts);
                yield List.of(Effect.SEND_COMMAND);
            }
            case "REJECT" -> fail(codeOr(decided.reasonCode(), "DRAWDOWN_REJECTED"), "the drawdown decision rejected: "
                    + (decided.reasons() == null ? "" : String.join("; ", decided.reasons())), received.at(), false);
            default -> fail("INVALID_REPLY", "the drawdown decision answered with the unknown outcome "
                    + decided.outcome(), received.at(), false);
        };
    }

    List<Effect> fundingReserved(FundingReserved reserved, Received received, DrawdownTimeouts timeouts) {
        Map<String, Object> details = details("partnerId", reserved.partnerId(), "amount", reserved.amount(),
                "businessDate", reserved.businessDate(), "remainingPlan", reserved.remainingPlan());
        if (!awaits(DrawdownStep.RESERVE_FUNDING, received, details)) {
            return List.of();
        }
        replied(received, "position reserved at " + reserved.partnerId(), details);
        fundingHeld = true;
        if (!partnerId.equals(reserved.partnerId())) {
            return fail("INVALID_REPLY", "funding-service reserved at " + reserved.partnerId() + ", not at "
                    + partnerId + " as the contract names", received.at(), false);
        }
        fundingBusinessDate = reserved.businessDate();
        moveTo(DrawdownState.FUNDED, received.at());
        startStep(DrawdownStep.DISBURSE, received.at(), timeouts);
        return List.of(Effect.SEND_COMMAND);
    }

    List<Effect> fundingRefused(FundingRefused refused, Received received) {
        if (!awaits(DrawdownStep.RESERVE_FUNDING, received, Map.of())) {
            return List.of();
        }
        replied(received, "funding-service refused the position: " + refused.code(),
                details("partnerId", refused.partnerId(), "code", refused.code(), "reason", refused.reason()));
        fundingHeld = false;
        return fail(codeOr(refused.code(), "FUNDING_REFUSED"), "the funding position could not be reserved: "
                + refused.reason(), received.at(), false);
    }

    List<Effect> disbursed(DisbursementSucceeded succeeded, Received received, DrawdownTimeouts timeouts) {
        Map<String, Object> details = details("requestNo", succeeded.requestNo(), "channel", succeeded.channel(),
                "amount", succeeded.amount(), "completedAt", succeeded.completedAt());
        if (!awaits(DrawdownStep.DISBURSE, received, details)) {
            return List.of();
        }
        replied(received, "money reached the card through " + succeeded.channel(), details);
        requestNo = succeeded.requestNo();
        channel = succeeded.channel();
        disbursedAt = succeeded.completedAt() == null ? received.at() : succeeded.completedAt();
        startStep(DrawdownStep.OPEN_LOAN_ACCOUNT, received.at(), timeouts);
        List<Effect> effects = new ArrayList<>(List.of(Effect.SEND_COMMAND, Effect.CONFIRM_LIMIT));
        if (couponId != null) {
            effects.add(Effect.REDEEM_COUPON);
        }
        effects.add(Effect.CONFIRM_FUNDING);
        return effects;
    }

    List<Effect> disbursementFailed(DisbursementFailed failed, Received received) {
        if (!awaits(DrawdownStep.DISBURSE, received, Map.of())) {
            return List.of();
        }
        replied(received, "payment-service: no money moved (" + failed.code() + ")",
                details("requestNo", failed.requestNo(), "code", failed.code(), "reason", failed.reason()));
        return fail(codeOr(failed.code(), "DISBURSEMENT_FAILED"), "the disbursement failed: " + failed.reason(),
                received.at(), false);
    }

    List<Effect> loanAccountOpened(LoanAccountOpened opened, Received received) {
        Map<String, Object> details = details("loanId", opened.loanId(), "principal", opened.principal(),
                "totalInterest", opened.totalInterest(), "installments", opened.installments(),
                "firstDueDate", opened.firstDueDate());
        if (!awaits(DrawdownStep.OPEN_LOAN_ACCOUNT, received, details)) {
            return List.of();
        }
        replied(received, "loan account " + opened.loanId() + " opened", details);
        loanId = opened.loanId();
        BigDecimal booked = decimal(opened.totalInterest(), 2);
        if (booked != null) {
            if (totalInterest != null && booked.compareTo(totalInterest) != 0) {
                log.warn("drawdown {}: core-ledger booked total interest {} where the contract says {}", id, booked,
                        totalInterest);
            }
            totalInterest = booked;
        }
        if (opened.installments() != null && !opened.installments().isEmpty()) {
            installments = String.join(",", opened.installments());
            firstInstallment = decimal(opened.installments().getFirst(), 2);
        }
        if (opened.firstDueDate() != null) {
            firstDueDate = opened.firstDueDate();
        }
        reasonCode = null;
        reason = null;
        moveTo(DrawdownState.DISBURSED, received.at());
        step = null;
        endWaiting(received.at());
        return List.of(Effect.CONCLUDE);
    }

    /**
     * Money has moved, so nothing is compensated: the drawdown stays DISBURSING for staff, marked
     * with the reason, and the sweeper stops re-sending.
     */
    List<Effect> loanAccountRefused(LoanAccountRefused refused, Received received) {
        if (!awaits(DrawdownStep.OPEN_LOAN_ACCOUNT, received, Map.of())) {
            return List.of();
        }
        replied(received, "core-ledger-service refused the loan account: " + refused.code() + "; the money has moved, "
                + "staff must act", details("code", refused.code(), "reason", refused.reason()));
        reasonCode = codeOr(refused.code(), "LOAN_ACCOUNT_REFUSED");
        reason = "the loan account could not be opened after the payout: " + refused.reason();
        stepDeadline = null;
        updatedAt = received.at();
        log.error("drawdown {} was paid out but core-ledger-service refused its loan account ({}): {}", id,
                refused.code(), refused.reason());
        return List.of();
    }

    /** A compensation or confirmation was answered: kept for the record, whatever the state. */
    void acknowledged(Received received, String note, Map<String, Object> details) {
        record(new DrawdownTimelineEntry(received.at(), Kind.REPLY_RECEIVED, state, step, received.type(),
                received.messageId(), null, note, details));
        updatedAt = received.at();
    }

    // --- commands and timeouts -----------------------------------------------------------------

    /** The current step's command left through the outbox; its reply is due by the deadline. */
    void commandSent(String type, UUID messageId, Instant now, DrawdownTimeouts timeouts) {
        attempts++;
        stepDeadline = now.plus(timeouts.timeoutOf(step));
        updatedAt = now;
        switch (step) {
            case RESERVE_LIMIT -> limitHeld = true;
            case LOCK_COUPON -> couponHeld = true;
            case RESERVE_FUNDING -> fundingHeld = true;
            default -> {
            }
        }
        record(new DrawdownTimelineEntry(now, attempts == 1 ? Kind.COMMAND_SENT : Kind.COMMAND_RESENT, state, step, type,
                messageId, attempts, "to " + step.service() + ", reply due by " + stepDeadline, Map.of()));
        if (step == DrawdownStep.DISBURSE && state == DrawdownState.FUNDED) {
            moveTo(DrawdownState.DISBURSING, now);
        }
    }

    /** A compensation or confirmation left through the outbox. */
    void sideCommandSent(Kind kind, String type, UUID messageId, Instant now) {
        record(new DrawdownTimelineEntry(now, kind, state, step, type, messageId, null,
                kind == Kind.COMPENSATION_SENT ? "released to compensate " + reasonCode : "made final after the payout",
                Map.of()));
    }

    /**
     * The current step's deadline passed. A step where money may have moved (the payout, the loan
     * account) is asked again for as long as it takes; any other is asked again up to the last
     * attempt, then the drawdown fails with STEP_TIMEOUT and what it holds is released.
     */
    List<Effect> stepOverdue(Instant now, DrawdownTimeouts timeouts) {
        if (state.isFinal() || stepDeadline == null || now.isBefore(stepDeadline)) {
            return List.of();
        }
        if (step.waitsIndefinitely() || attempts < timeouts.maxAttempts()) {
            record(new DrawdownTimelineEntry(now, Kind.STEP_TIMED_OUT, state, step, null, null, attempts,
                    "no answer from " + step.service() + " within " + timeouts.timeoutOf(step) + "; "
                            + (step == DrawdownStep.PREPARE_CONTRACT ? "preparing again" : "sending " + step.command()
                            + " again") + " (attempt " + (attempts + 1)
                            + (step.waitsIndefinitely() ? ", never giving up: money may have moved" : " of "
                            + timeouts.maxAttempts()) + ")", Map.of()));
            log.info("drawdown {} got no answer from {} in {}; trying {} again (attempt {})", id, step.service(),
                    timeouts.timeoutOf(step), step.command(), attempts + 1);
            if (step == DrawdownStep.PREPARE_CONTRACT) {
                attempts++;
                stepDeadline = now.plus(timeouts.timeoutOf(step));
                updatedAt = now;
                return List.of(Effect.PREPARE_CONTRACT);
            }
            return List.of(Effect.SEND_COMMAND);
        }
        record(new DrawdownTimelineEntry(now, Kind.STEP_TIMED_OUT, state, step, null, null, attempts,
                "no answer from " + step.service() + " after " + attempts + " attempt(s); giving up", Map.of()));
        return fail("STEP_TIMEOUT", "no answer from " + step.service() + " to " + step.command() + " after " + attempts
                + " attempt(s)", now, true);
    }

    DrawdownConcluded concluded() {
        if (!state.isFinal()) {
            throw new IllegalStateException("drawdown " + id + " is " + state + ", not concluded");
        }
        return new DrawdownConcluded(id, customerId, state.name(), step == null ? null : step.name(), reasonCode, loanId,
                concludedAt);
    }

    void concludedAs(UUID messageId) {
        record(new DrawdownTimelineEntry(concludedAt, Kind.CONCLUDED, state, step, DrawdownConcluded.TYPE.name(),
                messageId, null, reasonCode == null ? state.name() : state + " " + reasonCode, Map.of()));
    }

    void customerNotified(Instant at, String note) {
        record(new DrawdownTimelineEntry(at, Kind.CUSTOMER_NOTIFIED, state, step, null, null, null, note, Map.of()));
    }

    // --- transitions ---------------------------------------------------------------------------

    private List<Effect> startPreparing(Instant now, DrawdownTimeouts timeouts) {
        startStep(DrawdownStep.PREPARE_CONTRACT, now, timeouts);
        // The preparation itself is the first attempt; the sweeper's retries count on from here.
        attempts = 1;
        return List.of(Effect.PREPARE_CONTRACT);
    }

    /**
     * Fails the drawdown and releases, in reverse order, whatever it holds. Never after the payout.
     *
     * @param timedOut the current step's command may have been carried out unseen
     */
    private List<Effect> fail(String code, String why, Instant now, boolean timedOut) {
        if (disbursedAt != null) {
            throw new IllegalStateException("drawdown " + id + " was paid out; it cannot fail");
        }
        reasonCode = code;
        reason = why;
        moveTo(DrawdownState.FAILED, now);
        endWaiting(now);
        List<Effect> effects = new ArrayList<>();
        if (fundingHeld) {
            effects.add(Effect.RELEASE_FUNDING);
        }
        if (couponHeld) {
            effects.add(Effect.RELEASE_COUPON);
        }
        if (limitHeld) {
            effects.add(Effect.RELEASE_LIMIT);
        }
        effects.add(Effect.CONCLUDE);
        return effects;
    }

    private void endWaiting(Instant now) {
        stepDeadline = null;
        concludedAt = now;
    }

    private void moveTo(DrawdownState next, Instant now) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("drawdown " + id + " cannot move from " + state + " to " + next);
        }
        DrawdownState from = state;
        state = next;
        updatedAt = now;
        record(new DrawdownTimelineEntry(now, Kind.STATE_CHANGED, next, step, null, null, null, from + " -> " + next
                + (reasonCode == null || next != DrawdownState.FAILED ? "" : " (" + reasonCode + ")"), Map.of()));
        log.info("drawdown {} moved {} -> {} at step {}{}", id, from, next, step,
                next == DrawdownState.FAILED ? " with reason " + reasonCode : "");
    }

    private void startStep(DrawdownStep next, Instant now, DrawdownTimeouts timeouts) {
        step = next;
        attempts = 0;
        stepStartedAt = now;
        stepDeadline = now.plus(timeouts.timeoutOf(next));
        updatedAt = now;
    }

    private boolean awaits(DrawdownStep answers, Received received, Map<String, Object> details) {
        if (!state.isFinal() && step == answers && stepDeadline != null) {
            return true;
        }
        String why;
        if (state.isFinal()) {
            why = "arrived after the drawdown ended " + state;
        } else if (step == answers) {
            why = "answers " + answers + " again, which already has its answer";
        } else if (answers.isBefore(step)) {
            why = "answers " + answers + ", which is already past; the drawdown is " + state;
        } else {
            why = "answers " + answers + ", which has not been reached; the drawdown is " + state;
        }
        record(new DrawdownTimelineEntry(received.at(), Kind.REPLY_IGNORED, state, step, received.type(),
                received.messageId(), null, why, details));
        log.info("drawdown {} ignored {} {}: {}", id, received.type(), received.messageId(), why);
        return false;
    }

    private void replied(Received received, String note, Map<String, Object> details) {
        record(new DrawdownTimelineEntry(received.at(), Kind.REPLY_RECEIVED, state, step, received.type(),
                received.messageId(), attempts, note, details));
    }

    private void record(DrawdownTimelineEntry entry) {
        recorded.add(entry);
    }

    List<DrawdownTimelineEntry> drainTimeline() {
        List<DrawdownTimelineEntry> drained = List.copyOf(recorded);
        recorded.clear();
        return drained;
    }

    static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                details.put((String) keysAndValues[i], value instanceof UUID || value instanceof Instant
                        || value instanceof LocalDate ? value.toString() : value);
            }
        }
        return details;
    }

    private static BigDecimal decimal(String text, int scale) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.strip()).setScale(scale, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String codeOr(String code, String fallback) {
        return isBlank(code) ? fallback : code;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The contract's route and schedule summary, worked out outside the transaction. */
    record Prepared(String partnerId, String partnerName, LocalDate startDate, BigDecimal totalInterest,
                    BigDecimal firstInstallment, LocalDate firstDueDate, LocalDate lastDueDate) {
    }

    // --- reading -------------------------------------------------------------------------------

    UUID id() { return id; }
    UUID customerId() { return customerId; }
    DrawdownState state() { return state; }
    DrawdownStep step() { return step; }
    int attempts() { return attempts; }
    Instant stepStartedAt() { return stepStartedAt; }
    Instant stepDeadline() { return stepDeadline; }
    String reasonCode() { return reasonCode; }
    String reason() { return reason; }
    BigDecimal amount() { return amount; }
    int termMonths() { return termMonths; }
    String method() { return method; }
    UUID cardId() { return cardId; }
    String cardLast4() { return cardLast4; }
    UUID couponId() { return couponId; }
    UUID creditApplicationId() { return creditApplicationId; }
    String fullName() { return fullName; }
    String idNumber() { return idNumber; }
    String mobile() { return mobile; }
    String deviceJson() { return device; }
    UUID authorisationDocumentId() { return authorisationDocumentId; }
    String authorisationSha256() { return authorisationSha256; }
    Instant authorisationSignedAt() { return authorisationSignedAt; }
    BigDecimal lineRate() { return lineRate; }
    String grade() { return grade; }
    BigDecimal annualRate() { return annualRate; }
    String couponKind() { return couponKind; }
    int interestFreeDays() { return interestFreeDays; }
    String partnerId() { return partnerId; }
    String partnerName() { return partnerName; }
    LocalDate startDate() { return startDate; }
    BigDecimal totalInterest() { return totalInterest; }
    BigDecimal firstInstallment() { return firstInstallment; }
    LocalDate firstDueDate() { return firstDueDate; }
    LocalDate lastDueDate() { return lastDueDate; }
    UUID contractDocumentId() { return contractDocumentId; }
    String fraudResult() { return fraudResult; }
    Integer fraudScore() { return fraudScore; }
    String decisionOutcome() { return decisionOutcome; }
    String requestNo() { return requestNo; }
    String channel() { return channel; }
    Instant disbursedAt() { return disbursedAt; }
    UUID loanId() { return loanId; }
    List<String> installments() { return installments == null ? List.of() : List.of(installments.split(",")); }
    Instant submittedAt() { return submittedAt; }
    Instant updatedAt() { return updatedAt; }
    Instant concludedAt() { return concludedAt; }

    LocalDate dateOf(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }
}
