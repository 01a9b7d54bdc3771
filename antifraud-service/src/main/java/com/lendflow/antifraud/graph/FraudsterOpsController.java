package com.lendflow.antifraud.graph;

import com.lendflow.antifraud.ActingStaff;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Known fraudsters, the targets of the relationship-graph search. Everyone on ops may read the
 * list; risk analysts and administrators flag and unflag, audited with a reason.
 */
@RestController
@Validated
@RequestMapping("/ops/v1/antifraud/fraudsters")
class FraudsterOpsController {

    private final KnownFraudsters fraudsters;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final Clock clock;

    FraudsterOpsController(KnownFraudsters fraudsters, AuditTrail audit, AuditActorSource actors, Clock clock) {
        this.fraudsters = fraudsters;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    List<KnownFraudsters.KnownFraudster> list(@RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                              @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        return fraudsters.list(size, page * size);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('RISK_ANALYST', 'ADMIN')")
    @Transactional
    ResponseEntity<KnownFraudsters.KnownFraudster> flag(@Valid @RequestBody FlagRequest request) {
        if (fraudsters.find(request.customerId()).isPresent()) {
            throw ApiProblem.conflict("already-flagged", "customer " + request.customerId() + " is already a known fraudster");
        }
        KnownFraudsters.KnownFraudster flagged = new KnownFraudsters.KnownFraudster(request.customerId(), request.reason(),
                ActingStaff.name(actors), clock.instant());
        fraudsters.flag(flagged);
        audit.record(new AuditEntry("fraudster.flag", "customer", request.customerId().toString(), null,
                flagged.snapshot(), request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(flagged);
    }

    @DeleteMapping("/{customerId}")
    @PreAuthorize("hasAnyRole('RISK_ANALYST', 'ADMIN')")
    @Transactional
    ResponseEntity<Void> unflag(@PathVariable UUID customerId, @RequestParam(name = "reason", required = false) String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidRequest(List.of(new FieldViolation("reason", "NotBlank",
                    "a reason of 1 to 500 characters is required to unflag a customer")));
        }
        KnownFraudsters.KnownFraudster flagged = fraudsters.find(customerId)
                .orElseThrow(() -> ApiProblem.notFound("Known fraudster", customerId));
        fraudsters.unflag(customerId);
        audit.record(new AuditEntry("fraudster.unflag", "customer", customerId.toString(), flagged.snapshot(), null, reason));
        return ResponseEntity.noContent().build();
    }

    record FlagRequest(@NotNull UUID customerId, @NotBlank @Size(max = 500) String reason) {
    }
}
