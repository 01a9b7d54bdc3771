package com.lendflow.loanorder.creditapplication;

import com.lendflow.contracts.antifraud.FraudReviewConcluded;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import com.lendflow.contracts.creditdecision.CreditDecisionFailed;
import com.lendflow.contracts.creditdecision.CreditRiskDecided;
import com.lendflow.contracts.esign.AuthorisationSigned;
import com.lendflow.contracts.esign.SigningFailed;
import com.lendflow.contracts.limit.CreditLineGrantRefused;
import com.lendflow.contracts.limit.CreditLineGranted;
import com.lendflow.contracts.loanorder.CreditApplicationConcluded;
import com.lendflow.loanorder.creditapplication.TimelineEntry.Kind;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's application for a credit line, and the saga that decides it. The application owns
 * its state machine: each reply method checks that the reply answers the step now awaited,
 * moves the state, sets the next step's deadline, and records what happened in the timeline. A
 * reply for another step changes nothing but the timeline. The saga sends the command the
 * returned {@link Reaction} asks for.
 *
 * <p>The applicant's name, ID number, mobile and device are kept only encrypted: the later steps'
 * commands carry them, and a resent command must carry them again.
 */
@Entity
@Table(name = "credit_application")
class CreditApplication {

    private static final Logger log = LoggerFactory.getLogger(CreditApplication.class);

    /** The legal cap on a consumer loan's annual rate. */
    private static final BigDecimal RATE_CAP = new BigDecimal("0.24");

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationState state;

    /** The step awaited while in flight; where it stopped once final (null when approved). */
    @Enumerated(EnumType.STRING)
    private Step step;

    /** Commands sent for the current step, the first included. */
    @Column(nullable = false)
    private int attempts;

    @Column(name = "step_started_at")
    private Instant stepStartedAt;

    /** When the current step's reply is overdue; null once final. */
    @Column(name = "step_deadline")
    private Instant stepDeadline;

    @Column(name = "reason_code")
    private String reasonCode;

    /** For staff only: never shown to the customer. */
    private String reason;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "full_name_encrypted", nullable = false, updatable = false)
    private String fullName;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "id_number_encrypted", nullable = false, updatable = false)
    private String idNumber;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "mobile_encrypted", nullable = false, updatable = false)
    private String mobile;

    /** The device snapshot as JSON, encrypted: IP, Wi-Fi MAC and location identify a person too. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "device_encrypted", nullable = false, updatable = false)
    private String device;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "concluded_at")
    private Instant concludedAt;

    @Column(name = "authorisation_document_id")
    private UUID authorisationDocumentId;

    @Column(name = "authorisation_sha256")
    private String authorisationSha256;

    @Column(name = "authorisation_signed_at")
    private Instant authorisationSignedAt;

    @Column(name = "fraud_assessment_id")
    private UUID fraudAssessmentId;

    @Column(name = "fraud_result")
    private String fraudResult;

    @Column(name = "fraud_score")
    private Integer fraudScore;

    @Column(name = "decision_id")
    private UUID decisionId;

    @Column(name = "risk_grade")
    private String riskGrade;

    @Column(name = "credit_limit")
    private BigDecimal creditLimit;

    @Column(name = "annual_rate")
    private BigDecimal annualRate;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    /** A wrapper, so a new application is persisted rather than merged. */
    @Version
    private Long version;

    @Transient
    private List<TimelineEntry> recorded = new ArrayList<>();

    protected CreditApplication() {
    }

    /** A new application, waiting for its authorisation to be signed; the saga sends SignAuthorisation next. */
    static CreditApplication submit(UUID id, SubmitCreditApplication command, String deviceJson, Instant now,
                                    StepTimeouts timeouts) {
        CreditApplication application = new CreditApplication();
        application.id = id;
        application.customerId = command.customerId();
        application.fullName = command.fullName();
        application.idNumber = command.idNumber();
        application.mobile = command.mobile();
        application.device = deviceJson;
        application.submittedAt = now;
        application.state = ApplicationState.SUBMITTED;
        application.record(new TimelineEntry(now, Kind.SUBMITTED, ApplicationState.SUBMITTED, null, null, null, null,
                "applied with both consents given", Map.of()));
        log.info("credit application {} of customer {} is {}", id, command.customerId(), ApplicationState.SUBMITTED);
        application.startStep(Step.SIGN_AUTHORISATION, now, timeouts);
        return application;
    }

    // --- replies -------------------------------------------------------------------------------

    Reaction authorisationSigned(AuthorisationSigned signed, Received received, StepTimeouts timeouts) {
        if (!awaits(Step.SIGN_AUTHORISATION, received, Map.of())) {
            return Reaction.IGNORED;
        }
        replied(received, "authorisation signed as document " + signed.documentId(),
                details("documentId", signed.documentId(), "sha256", signed.sha256(), "signedAt", signed.signedAt()));
        if (signed.documentId() == null || isBlank(signed.sha256()) || signed.signedAt() == null) {
            return fail("INVALID_REPLY", "AuthorisationSigned lacks the document id, hash or signing time the bureau "
                    + "authorisation needs", received.at());
        }
        authorisationDocumentId = signed.documentId();
        authorisationSha256 = signed.sha256();
        authorisationSignedAt = signed.signedAt();
        moveTo(ApplicationState.AUTHORISATION_SIGNED, received.at());
        startStep(Step.ASSESS_FRAUD_RISK, received.at(), timeouts);
        return Reaction.SEND_COMMAND;
    }

    Reaction signingFailed(SigningFailed failed, Received received) {
        if (!awaits(Step.SIGN_AUTHORISATION, received, Map.of())) {
            return Reaction.IGNORED;
        }
        replied(received, "esign-service could not sign: " + failed.code(),
                details("code", failed.code(), "reason", failed.reason()));
        return fail(codeOr(failed.code(), "SIGNING_FAILED"), "the authorisation could not be signed: " + failed.reason(),
                received.at());
    }

    Reaction fraudAssessed(FraudRiskAssessed assessed, Received received, StepTimeouts timeouts) {
        Map<String, Object> details = details("assessmentId", assessed.assessmentId(), "result", assessed.result(),
                "score", assessed.score(), "firedRules", assessed.firedRules());
        if (!awaits(Step.ASSESS_FRAUD_RISK, received, details)) {
            return Reaction.IGNORED;
        }
        replied(received, "anti-fraud " + assessed.result() + " with score " + assessed.score(), details);
        fraudAssessmentId = assessed.assessmentId();
        fraudResult = assessed.result();
        fraudScore = assessed.score();
        String rules = assessed.firedRules().isEmpty() ? "no rule fired" : "fired " + String.join(", ", assessed.firedRules());
        return switch (String.valueOf(assessed.result())) {
            case "PASS" -> {
                moveTo(ApplicationState.FRAUD_CHECKED, received.at());
                startStep(Step.ASSESS_CREDIT_RISK, received.at(), timeouts);
                yield Reaction.SEND_COMMAND;
            }
            case "REVIEW" -> {
                moveTo(ApplicationState.FRAUD_REVIEW, received.at());
                startStep(Step.FRAUD_REVIEW, received.at(), timeouts);
                // The assessment request itself is the step's first attempt; a re-ask is the second.
                attempts = 1;
                yield Reaction.WAIT;
            }
            case "REJECT" -> reject("FRAUD_REJECTED", "anti-fraud rejected with score " + assessed.score() + ": " + rules,
                    received.at());
            default -> fail("INVALID_REPLY", "anti-fraud answered with the unknown result " + assessed.result(), received.at());
        };
    }

    Reaction fraudReviewConcluded(FraudReviewConcluded concluded, Received received, StepTimeouts timeouts) {
        Map<String, Object> details = details("assessmentId", concluded.assessmentId(), "result", concluded.result(),
                "reviewer", concluded.reviewer(), "comment", concluded.comment());
        if (!awaits(Step.FRAUD_REVIEW, received, details)) {
            return Reaction.IGNORED;
        }
        replied(received, "manual review concluded " + concluded.result() + " by " + concluded.reviewer(), details);
        return switch (String.valueOf(concluded.result())) {
            case "PASS" -> {
                // Staff cleared it: the decision scores it as a pass, with the assessment's score.
                fraudResult = "PASS";
                moveTo(ApplicationState.FRAUD_CHECKED, received.at());
                startStep(Step.ASSESS_CREDIT_RISK, received.at(), timeouts);
                yield Reaction.SEND_COMMAND;
            }
            case "REJECT" -> reject("FRAUD_REVIEW_REJECTED", "rejected in manual review by " + concluded.reviewer() + ": "
                    + concluded.comment(), received.at());
            default -> fail("INVALID_REPLY", "the manual review concluded with the unknown result " + concluded.result(),
                    received.at());
        };
    }

    Reaction creditDecided(CreditRiskDecided decided, Received received, StepTimeouts timeouts) {
        Map<String, Object> details = details("decisionId", decided.decisionId(), "outcome", decided.outcome(),
                "grade", decided.grade(), "creditLimit", decided.creditLimit(), "annualRate", decided.annualRate(),
                "reasonCode", decided.reasonCode(), "reasons", decided.reasons(),
                "scorecardVersion", decided.scorecardVersion(), "gradeTableVersion", decided.gradeTableVersion());
        if (!awaits(Step.ASSESS_CREDIT_RISK, received, details)) {
            return Reaction.IGNORED;
        }
        replied(received, "credit decision " + decided.outcome(), details);
        decisionId = decided.decisionId();
        return switch (String.valueOf(decided.outcome())) {
            case "APPROVE" -> approveWith(decided, received, timeouts);
            case "REJECT" -> reject(codeOr(decided.reasonCode(), "CREDIT_REJECTED"),
                    "the credit decision rejected: " + String.join("; ", decided.reasons()), received.at());
            default -> fail("INVALID_REPLY", "the credit decision answered with the unknown outcome " + decided.outcome(),
                    received.at());
        };
    }

    private Reaction approveWith(CreditRiskDecided decided, Received received, StepTimeouts timeouts) {
        BigDecimal limit = decimal(decided.creditLimit(), 2);
        BigDecimal rate = decimal(decided.annualRate(), 6);
        if (isBlank(decided.grade()) || limit == null || limit.signum() <= 0 || rate == null || rate.signum() <= 0
                || rate.compareTo(RATE_CAP) > 0) {
            return fail("INVALID_REPLY", "the approval's grade, limit (" + decided.creditLimit() + ") or rate ("
                    + decided.annualRate() + ") is missing, malformed or outside (0, 24%]", received.at());
        }
        riskGrade = decided.grade();
        creditLimit = limit;
        annualRate = rate;
        moveTo(ApplicationState.DECIDED, received.at());
        startStep(Step.GRANT_CREDIT_LINE, received.at(), timeouts);
        return Reaction.SEND_COMMAND;
    }

    Reaction creditDecisionFailed(CreditDecisionFailed failed, Received received) {
        if (!awaits(Step.ASSESS_CREDIT_RISK, received, Map.of())) {
            return Reaction.IGNORED;
        }
        replied(received, "credit-decision-service could not decide: " + failed.code(),
                details("code", failed.code(), "reason", failed.reason()));
        return fail(codeOr(failed.code(), "CREDIT_DECISION_FAILED"), "the credit decision could not be made: "
                + failed.reason(), received.at());
    }

    Reaction creditLineGranted(CreditLineGranted granted, Received received) {
        Map<String, Object> details = details("creditLimit", granted.creditLimit(), "annualRate", granted.annualRate(),
                "grade", granted.grade(), "expiresOn", granted.expiresOn(), "grantedAt", granted.grantedAt());
        if (timedOutAt(Step.GRANT_CREDIT_LINE)) {
            // The line exists whatever this application said: reality wins over our own timeout.
            record(new TimelineEntry(received.at(), Kind.REPLY_RECEIVED, state, step, received.type(),
                    received.messageId(), null, "the line was granted after the step had timed out; the application "
                    + "follows the fact", details));
            state = ApplicationState.DECIDED;
            reasonCode = null;
            reason = null;
            concludedAt = null;
        } else if (!awaits(Step.GRANT_CREDIT_LINE, received, details)) {
            return Reaction.IGNORED;
        } else {
            replied(received, "credit line granted", details);
        }
        if (granted.expiresOn() == null) {
            return fail("INVALID_REPLY", "CreditLineGranted lacks the line's expiry date", received.at());
        }
        BigDecimal limit = decimal(granted.creditLimit(), 2);
        BigDecimal rate = decimal(granted.annualRate(), 6);
        if (limit != null) {
            creditLimit = limit;
        }
        if (rate != null) {
            annualRate = rate;
        }
        if (!isBlank(granted.grade())) {
            riskGrade = granted.grade();
        }
        expiresOn = granted.expiresOn();
        moveTo(ApplicationState.LIMIT_GRANTED, received.at());
        moveTo(ApplicationState.APPROVED, received.at());
        step = null;
        endWaiting(received.at());
        return Reaction.CONCLUDE;
    }

    Reaction creditLineGrantRefused(CreditLineGrantRefused refused, Received received) {
        if (!awaits(Step.GRANT_CREDIT_LINE, received, Map.of())) {
            return Reaction.IGNORED;
        }
        replied(received, "limit-service refused the grant: " + refused.code(),
                details("code", refused.code(), "reason", refused.reason()));
        return fail(codeOr(refused.code(), "GRANT_REFUSED"), "the credit line could not be granted: " + refused.reason(),
                received.at());
    }

    // --- commands and timeouts -----------------------------------------------------------------

    /** The current step's command left through the outbox as {@code messageId}; its reply is due by the deadline. */
    void commandSent(String type, UUID messageId, Instant now, StepTimeouts timeouts) {
        attempts++;
        stepDeadline = now.plus(timeouts.timeoutOf(step));
        updatedAt = now;
        record(new TimelineEntry(now, attempts == 1 ? Kind.COMMAND_SENT : Kind.COMMAND_RESENT, state, step, type,
                messageId, attempts, "to " + step.service() + ", reply due by " + stepDeadline, Map.of()));
    }

    /**
     * The current step's deadline passed without a reply: send its command again (the receiving
     * services are idempotent per application), or, after the last attempt, fail the application.
     */
    Reaction stepOverdue(Instant now, StepTimeouts timeouts) {
        if (state.isFinal() || stepDeadline == null || now.isBefore(stepDeadline)) {
            return Reaction.IGNORED;
        }
        Duration waited = Duration.between(stepStartedAt, now);
        if (attempts < timeouts.maxAttempts()) {
            record(new TimelineEntry(now, Kind.STEP_TIMED_OUT, state, step, null, null, attempts,
                    "no reply from " + step.service() + " within " + timeouts.timeoutOf(step) + "; sending "
                            + step.command() + " again (attempt " + (attempts + 1) + " of " + timeouts.maxAttempts() + ")",
                    Map.of()));
            log.info("credit application {} got no reply from {} in {}; sending {} again (attempt {} of {})", id,
                    step.service(), timeouts.timeoutOf(step), step.command(), attempts + 1, timeouts.maxAttempts());
            return Reaction.SEND_COMMAND;
        }
        record(new TimelineEntry(now, Kind.STEP_TIMED_OUT, state, step, null, null, attempts,
                "no reply from " + step.service() + " after " + attempts + " attempt(s); giving up", Map.of()));
        return fail("STEP_TIMEOUT", "no reply from " + step.service() + " to " + step.command() + " after " + attempts
                + " attempt(s) over " + waited.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), now);
    }

    /** The announcement of a final state, for the timeline and the application's topic. */
    CreditApplicationConcluded concluded() {
        if (!state.isFinal()) {
            throw new IllegalStateException("credit application " + id + " is " + state + ", not concluded");
        }
        return new CreditApplicationConcluded(id, customerId, state.name(), step == null ? null : step.name(), reasonCode,
                concludedAt);
    }

    void concludedAs(UUID messageId) {
        record(new TimelineEntry(concludedAt, Kind.CONCLUDED, state, step, CreditApplicationConcluded.TYPE.name(), messageId,
                null, reasonCode == null ? state.name() : state + " " + reasonCode, Map.of()));
    }

    // --- transitions ---------------------------------------------------------------------------

    private Reaction reject(String code, String why, Instant now) {
        return end(ApplicationState.REJECTED, code, why, now);
    }

    private Reaction fail(String code, String why, Instant now) {
        return end(ApplicationState.FAILED, code, why, now);
    }

    private Reaction end(ApplicationState finalState, String code, String why, Instant now) {
        reasonCode = code;
        reason = why;
        moveTo(finalState, now);
        endWaiting(now);
        return Reaction.CONCLUDE;
    }

    private void endWaiting(Instant now) {
        stepDeadline = null;
        concludedAt = now;
    }

    private void moveTo(ApplicationState next, Instant now) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("credit application " + id + " cannot move from " + state + " to " + next);
        }
        ApplicationState from = state;
        state = next;
        updatedAt = now;
        record(new TimelineEntry(now, Kind.STATE_CHANGED, next, step, null, null, null, from + " -> " + next
                + (reasonCode == null || !next.isFinal() ? "" : " (" + reasonCode + ")"), Map.of()));
        log.info("credit application {} moved {} -> {} at step {}{}", id, from, next, step,
                next.isFinal() && reasonCode != null ? " with reason " + reasonCode : "");
    }

    private void startStep(Step next, Instant now, StepTimeouts timeouts) {
        step = next;
        attempts = 0;
        stepStartedAt = now;
        stepDeadline = now.plus(timeouts.timeoutOf(next));
        updatedAt = now;
    }

    /**
     * Whether a reply for {@code answers} fits the application now. One that does not is noted in
     * the timeline (already past, not reached, or after the end) and changes nothing else.
     */
    private boolean awaits(Step answers, Received received, Map<String, Object> details) {
        if (!state.isFinal() && step == answers) {
            return true;
        }
        String why;
        if (state.isFinal()) {
            why = "arrived after the application ended " + state;
        } else if (answers.isBefore(step)) {
            why = "answers " + answers + ", which is already past; the application is " + state;
        } else {
            why = "answers " + answers + ", which has not been reached; the application is " + state;
        }
        record(new TimelineEntry(received.at(), Kind.REPLY_IGNORED, state, step, received.type(), received.messageId(),
                null, why, details));
        log.info("credit application {} ignored {} {}: {}", id, received.type(), received.messageId(), why);
        return false;
    }

    private void replied(Received received, String note, Map<String, Object> details) {
        record(new TimelineEntry(received.at(), Kind.REPLY_RECEIVED, state, step, received.type(), received.messageId(),
                attempts, note, details));
    }

    private boolean timedOutAt(Step at) {
        return state == ApplicationState.FAILED && step == at && "STEP_TIMEOUT".equals(reasonCode);
    }

    private void record(TimelineEntry entry) {
        recorded.add(entry);
    }

    /** The timeline entries recorded since the last call, for the saga to store with the application. */
    List<TimelineEntry> drainTimeline() {
        List<TimelineEntry> drained = List.copyOf(recorded);
        recorded.clear();
        return drained;
    }

    private static Map<String, Object> details(Object... keysAndValues) {
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

    /** A decimal string at exactly {@code scale} places, or null when missing, malformed or finer than that. */
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

    // --- reading -------------------------------------------------------------------------------

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    ApplicationState state() {
        return state;
    }

    Step step() {
        return step;
    }

    int attempts() {
        return attempts;
    }

    Instant stepStartedAt() {
        return stepStartedAt;
    }

    Instant stepDeadline() {
        return stepDeadline;
    }

    String reasonCode() {
        return reasonCode;
    }

    String reason() {
        return reason;
    }

    String fullName() {
        return fullName;
    }

    String idNumber() {
        return idNumber;
    }

    String mobile() {
        return mobile;
    }

    String deviceJson() {
        return device;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant concludedAt() {
        return concludedAt;
    }

    UUID authorisationDocumentId() {
        return authorisationDocumentId;
    }

    String authorisationSha256() {
        return authorisationSha256;
    }

    Instant authorisationSignedAt() {
        return authorisationSignedAt;
    }

    UUID fraudAssessmentId() {
        return fraudAssessmentId;
    }

    String fraudResult() {
        return fraudResult;
    }

    Integer fraudScore() {
        return fraudScore;
    }

    UUID decisionId() {
        return decisionId;
    }

    String riskGrade() {
        return riskGrade;
    }

    BigDecimal creditLimit() {
        return creditLimit;
    }

    BigDecimal annualRate() {
        return annualRate;
    }

    LocalDate expiresOn() {
        return expiresOn;
    }
}
