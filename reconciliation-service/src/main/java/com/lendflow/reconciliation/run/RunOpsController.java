package com.lendflow.reconciliation.run;

import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.reconciliation.OpsRequests;
import com.lendflow.reconciliation.ReconciliationSettings;
import com.lendflow.reconciliation.matching.Reconciliation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ops start the runs of a date (all, one reconciliation, or one party), and follow them with their counts. */
@RestController
@RequestMapping("/ops/v1/reconciliation/runs")
@PreAuthorize("hasAnyRole('FINANCE', 'OPS_SUPERVISOR', 'ADMIN')")
class RunOpsController {

    private final Runs runs;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReconciliationSettings settings;

    RunOpsController(Runs runs, AuditTrail audit, Clock clock, ReconciliationSettings settings) {
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    record StartRuns(String businessDate, String reconciliation, String party, String reason) {
    }

    @PostMapping
    @Transactional
    ResponseEntity<List<Runs.Run>> start(@RequestBody StartRuns request, Authentication staff) {
        OpsRequests check = new OpsRequests();
        LocalDate date = check.date("businessDate", request.businessDate(), true);
        Reconciliation only = check.oneOf("reconciliation", request.reconciliation(), Reconciliation.class, false);
        check.reason("reason", request.reason());
        if (date != null && date.isAfter(LocalDate.now(clock.withZone(settings.zone())))) {
            check.violation("businessDate", "PastOrPresent", "must not be in the future");
        }
        List<Reconciliation> reconciliations = only == null ? List.of(Reconciliation.values()) : List.of(only);
        if (request.party() != null) {
            List<String> known = reconciliations.stream().flatMap(r -> runs.parties(r).stream()).toList();
            check.oneOf("party", request.party(), known);
        }
        check.check();
        List<Runs.Run> started = new ArrayList<>();
        for (Reconciliation reconciliation : reconciliations) {
            for (String party : runs.parties(reconciliation)) {
                if (request.party() == null || request.party().equals(party)) {
                    started.add(runs.request(date, reconciliation, party, staff.getName(), request.reason()));
                }
            }
        }
        audit.record(new AuditEntry("reconciliation-run.start", "reconciliation-run", date.toString(), null,
                started.stream().map(r -> r.reconciliation() + "/" + r.party() + ":" + r.state()).toList(),
                request.reason()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
    }

    @GetMapping
    Runs.Page search(@RequestParam(required = false) String date, @RequestParam(required = false) String reconciliation,
                     @RequestParam(required = false) String party, @RequestParam(required = false) String state,
                     @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        OpsRequests check = new OpsRequests();
        LocalDate day = check.date("date", date, false);
        Reconciliation recon = check.oneOf("reconciliation", reconciliation, Reconciliation.class, false);
        String runState = check.oneOf("state", state,
                List.of("QUEUED", "RUNNING", "WAITING", "REJECTED", "FINISHED", "FAILED"));
        int pageNo = check.number("page", page, 0, 100_000, 0);
        int pageSize = check.number("size", size, 1, 200, 50);
        check.check();
        return runs.search(day, recon == null ? null : recon.name(), party, runState, pageNo, pageSize);
    }

    @GetMapping("/{id}")
    Runs.Run run(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> ApiProblem.notFound("Reconciliation run", id));
    }
}
