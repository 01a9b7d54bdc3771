package com.lendflow.limit.creditline;

import com.lendflow.contracts.limit.FreezeCreditLine;
import com.lendflow.contracts.limit.LowerCreditLine;
import com.lendflow.contracts.limit.UnfreezeCreditLine;
import com.lendflow.limit.ActingStaff;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's credit line with its history, for staff explaining a limit or a refusal; and the
 * staff's freeze, unfreeze and lowering of it, each with a stated reason and audited.
 */
@RestController
class CreditLineOpsController {

    /** Staff may freeze for any cause but OVER_OCCUPIED, which only limit-service sets and only repayment lifts. */
    private static final List<String> STAFF_CODES = List.of("OPS", "FRAUD_SIGNAL", "BUREAU_DELINQUENCY", "DEBT_RELIEF",
            "OVERDUE");

    private final CreditLines creditLines;
    private final CreditLineGrants grants;
    private final LimitReservations reservations;
    private final CreditLineRequests requests;
    private final LimitRestorations restorations;
    private final CreditLineRequestHandler handler;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final CreditLineSettings settings;
    private final Clock clock;

    CreditLineOpsController(CreditLines creditLines, CreditLineGrants grants, LimitReservations reservations,
                            CreditLineRequests requests, LimitRestorations restorations, CreditLineRequestHandler handler,
                            AuditTrail audit, AuditActorSource actors, CreditLineSettings settings, Clock clock) {
        this.creditLines = creditLines;
        this.grants = grants;
        this.reservations = reservations;
        this.requests = requests;
        this.restorations = restorations;
        this.handler = handler;
        this.audit = audit;
        this.actors = actors;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/ops/v1/credit-lines/{customerId}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    @Transactional(readOnly = true)
    CreditLineHistoryView creditLine(@PathVariable UUID customerId) {
        CreditLine line = creditLines.findById(customerId)
                .orElseThrow(() -> ApiProblem.notFound("Credit line", customerId));
        return history(line);
    }

    /** Freezes the line for {@code code} (OPS when not given) until staff unfreeze it. */
    @PostMapping("/ops/v1/credit-lines/{customerId}/freeze")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    @Transactional
    CreditLineHistoryView freeze(@PathVariable UUID customerId, @RequestBody FreezeRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        String code = request.code() == null ? "OPS" : request.code().strip();
        if (!STAFF_CODES.contains(code)) {
            violations.add(new FieldViolation("code", "one-of", "must be one of " + STAFF_CODES + ", was '" + code + "'"));
        }
        checkReason(request.reason(), violations);
        refuseIf(violations);
        CreditLine line = lock(customerId);
        Snapshot before = Snapshot.of(line);
        handler.handle(new FreezeCreditLine(opsRequestId(), customerId, code, request.reason().strip(), staff()));
        return audited("credit-line.freeze", line, before, request.reason());
    }

    /** Lifts every freeze on the line but OVER_OCCUPIED (a returned repayment; only repayment lifts it). */
    @PostMapping("/ops/v1/credit-lines/{customerId}/unfreeze")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    @Transactional
    CreditLineHistoryView unfreeze(@PathVariable UUID customerId, @RequestBody UnfreezeRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        checkReason(request.reason(), violations);
        refuseIf(violations);
        CreditLine line = lock(customerId);
        Snapshot before = Snapshot.of(line);
        handler.unfreeze(new UnfreezeCreditLine(opsRequestId(), customerId, request.reason().strip(), staff()), true);
        return audited("credit-line.unfreeze", line, before, request.reason());
    }

    /**
     * Lowers the limit to {@code newLimit}, or to what is drawn and reserved if that is more (the
     * history's lowering shows both). Raising a limit takes a credit application.
     */
    @PostMapping("/ops/v1/credit-lines/{customerId}/lower")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    @Transactional
    CreditLineHistoryView lower(@PathVariable UUID customerId, @RequestBody LowerRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        var newLimit = LimitAmounts.of(request.newLimit());
        if (newLimit.isEmpty()) {
            violations.add(new FieldViolation("newLimit", "amount",
                    "must be an amount of at least 0.00 in whole fen, was " + request.newLimit()));
        }
        checkReason(request.reason(), violations);
        refuseIf(violations);
        CreditLine line = lock(customerId);
        if (newLimit.get().compareTo(line.creditLimit()) > 0) {
            throw new InvalidRequest(List.of(new FieldViolation("newLimit", "not-above-limit",
                    "must not be above the current limit %s; raising a limit takes a credit application"
                            .formatted(Amounts.text(line.creditLimit())))));
        }
        Snapshot before = Snapshot.of(line);
        handler.handle(new LowerCreditLine(opsRequestId(), customerId, Amounts.text(newLimit.get()), "OPS",
                request.reason().strip(), staff()));
        return audited("credit-line.lower", line, before, request.reason());
    }

    private CreditLineHistoryView audited(String action, CreditLine line, Snapshot before, String reason) {
        audit.record(new AuditEntry(action, "credit-line", line.customerId().toString(), before, Snapshot.of(line),
                reason.strip()));
        return history(line);
    }

    private CreditLineHistoryView history(CreditLine line) {
        UUID customerId = line.customerId();
        return CreditLineHistoryView.of(line, grants.findByCustomerIdOrderByDecidedAtDesc(customerId),
                reservations.findTop100ByCustomerIdOrderByCreatedAtDesc(customerId),
                requests.findTop100ByCustomerIdOrderByRequestedAtDesc(customerId),
                restorations.findTop100ByCustomerIdOrderByRestoredAtDesc(customerId), settings.today(clock));
    }

    private CreditLine lock(UUID customerId) {
        return creditLines.lockById(customerId).orElseThrow(() -> ApiProblem.notFound("Credit line", customerId));
    }

    private String staff() {
        return ActingStaff.name(actors);
    }

    private static String opsRequestId() {
        return "ops:" + UUID.randomUUID();
    }

    private static void checkReason(String reason, List<FieldViolation> violations) {
        int length = reason == null ? 0 : reason.strip().length();
        if (length < 3 || length > CreditLineRequest.REASON_LENGTH) {
            violations.add(new FieldViolation("reason", "Size",
                    "a reason of 3 to 500 characters is required, saying why (it is audited)"));
        }
    }

    private static void refuseIf(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }

    record FreezeRequest(String code, String reason) {
    }

    record UnfreezeRequest(String reason) {
    }

    record LowerRequest(BigDecimal newLimit, String reason) {
    }

    /** What an audit record keeps of the line: no personal data, only its state. */
    record Snapshot(CreditLineStatus status, String creditLimit, String occupied, String reserved, String freezeCode) {

        static Snapshot of(CreditLine line) {
            return new Snapshot(line.status(), Amounts.text(line.creditLimit()), Amounts.text(line.occupied()),
                    Amounts.text(line.reserved()), line.freezeCode());
        }
    }
}
