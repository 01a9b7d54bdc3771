package com.lendflow.coreledger.eod;

import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * End of day for staff and for the scheduler that closes each day: start (or resume) the run of
 * the current business date, and follow its progress.
 */
@RestController
class EodOpsController {

    private static final int MAX_PAGE_SIZE = 100;

    private final EndOfDay endOfDay;
    private final EodRuns runs;
    private final BusinessDay businessDay;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("eod").factory());

    EodOpsController(EndOfDay endOfDay, EodRuns runs, BusinessDay businessDay) {
        this.endOfDay = endOfDay;
        this.runs = runs;
        this.businessDay = businessDay;
    }

    record BusinessDateView(LocalDate businessDate) {
    }

    @GetMapping("/ops/v1/business-date")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'FINANCE', 'RISK_ANALYST', 'ADMIN')")
    BusinessDateView businessDate() {
        return new BusinessDateView(businessDay.today());
    }

    /** 202: the run is claimed and under way; follow it at the Location. 409 when one is running already. */
    @PostMapping("/ops/v1/eod/runs")
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    ResponseEntity<BusinessDateView> start() {
        LocalDate day = endOfDay.start(executor);
        return ResponseEntity.accepted().location(URI.create("/ops/v1/eod/runs/" + day)).body(new BusinessDateView(day));
    }

    record Page(List<EodRun> items, int page, int size, long totalItems, int totalPages) {
    }

    /** The runs, the latest business date first: what the console's end-of-day history shows. */
    @GetMapping("/ops/v1/eod/runs")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'FINANCE', 'ADMIN')")
    Page history(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new FieldViolation("page", "Min", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "Range", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        long total = runs.count();
        return new Page(runs.latest(page, size), page, size, total, (int) ((total + size - 1) / size));
    }

    @GetMapping("/ops/v1/eod/runs/{date}")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'FINANCE', 'ADMIN')")
    EodRun run(@PathVariable LocalDate date) {
        return runs.find(date).orElseThrow(() -> ApiProblem.notFound("End-of-day run", date));
    }
}
