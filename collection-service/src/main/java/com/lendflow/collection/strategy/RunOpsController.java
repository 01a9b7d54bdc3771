package com.lendflow.collection.strategy;

import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops start a daily run for a business date (a missed day, a repeat after a fix) and follow it. */
@RestController
@RequestMapping("/ops/v1/collection/runs")
class RunOpsController {

    private final CollectionRuns runs;
    private final AuditTrail audit;

    RunOpsController(CollectionRuns runs, AuditTrail audit) {
        this.runs = runs;
        this.audit = audit;
    }

    record RunRequest(LocalDate businessDate, String reason) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    @Transactional
    ResponseEntity<CollectionRuns.Run> start(@RequestBody RunRequest request, Authentication staff) {
        if (request.businessDate() == null) {
            throw new InvalidRequest(List.of(new FieldViolation("businessDate", "NotNull", "must be the business date to run for")));
        }
        CollectionRuns.Run run = runs.request(request.businessDate(), staff.getName());
        audit.record(new AuditEntry("collection-run.start", "collection-run", request.businessDate().toString(), null,
                run, request.reason()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(run);
    }

    @GetMapping("/{businessDate}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'ADMIN')")
    CollectionRuns.Run run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate) {
        return runs.find(businessDate).orElseThrow(() -> ApiProblem.notFound("Collection run", businessDate));
    }
}
