package com.lendflow.collection.casework;

import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A debt-relief event of the customer (death, litigation, ...), recorded by ops: the customer's open
 * case closes with it as the reason, contacts still waiting are not made, and collection stays
 * stopped for the customer (no new case opens, no strategy runs). Audited.
 */
@RestController
class DebtReliefOpsController {

    static final Set<String> KINDS = Set.of("DECEASED", "LITIGATION", "BANKRUPTCY", "INCAPACITATED", "FRAUD_VICTIM");

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CustomerLocks customers;
    private final CollectionDay day;
    private final AuditTrail audit;
    private final Clock clock;

    DebtReliefOpsController(JdbcClient jdbc, Cases cases, CustomerLocks customers, CollectionDay day, AuditTrail audit,
                            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.customers = customers;
        this.day = day;
        this.audit = audit;
        this.clock = clock;
    }

    record DebtReliefRequest(String kind, String reason) {
    }

    record DebtReliefView(UUID id, UUID customerId, String kind, String reason, String recordedBy, Instant recordedAt,
                          UUID closedCaseId) {
    }

    @PostMapping("/ops/v1/customers/{customerId}/debt-relief")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    @Transactional
    ResponseEntity<DebtReliefView> record(@PathVariable UUID customerId, @RequestBody DebtReliefRequest request,
                                          Authentication staff) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.kind() == null || !KINDS.contains(request.kind())) {
            violations.add(new FieldViolation("kind", "one-of", "must be one of " + KINDS));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 1000) {
            violations.add(new FieldViolation("reason", "NotBlank", "must say what happened, in at most 1000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        customers.lock(customerId);
        Instant now = clock.instant();
        Optional<CollectionCase> open = cases.findOpen(customerId);
        open.ifPresent(c -> cases.close(c.id(), day.today(), "DEBT_RELIEF", request.kind() + ": " + request.reason()));
        jdbc.sql("""
                update collection_customer set stopped_at = ?, stop_kind = ?, stop_reason = ? where customer_id = ?
                """).params(Cases.at(now), request.kind(), request.reason(), customerId).update();
        UUID id = UUID.randomUUID();
        UUID closed = open.map(CollectionCase::id).orElse(null);
        jdbc.sql("""
                insert into debt_relief (id, customer_id, kind, reason, recorded_by, recorded_at, closed_case_id)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, customerId, request.kind(), request.reason(), staff.getName(), Cases.at(now), closed).update();
        audit.record(new AuditEntry("collection.debt-relief", "customer", customerId.toString(),
                open.map(c -> Map.of("caseId", c.id().toString(), "state", "OPEN")).orElse(null),
                Map.of("kind", request.kind(), "collection", "STOPPED",
                        "closedCaseId", closed == null ? "none" : closed.toString()),
                request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new DebtReliefView(id, customerId, request.kind(), request.reason(), staff.getName(), now, closed));
    }
}
