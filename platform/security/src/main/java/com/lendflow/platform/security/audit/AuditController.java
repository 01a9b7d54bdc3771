package com.lendflow.platform.security.audit;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ops console's search of this service's audit trail:
 * {@code GET /ops/v1/audit?actor=&action=&subjectType=&subjectId=&from=&to=&page=&size=}, with
 * instants in ISO-8601 ({@code 2025-03-01T00:00:00Z}).
 *
 * <p>No access rule is declared here: the resource-server configuration of this module limits
 * {@code /ops/**} to ops roles, in one place for every ops endpoint. Registered by
 * {@link AuditAutoConfiguration} in servlet applications, not by component scanning.
 */
@RestController
@RequestMapping("/ops/v1/audit")
public class AuditController {

    private final AuditRecords records;

    public AuditController(AuditRecords records) {
        this.records = records;
    }

    @GetMapping
    public AuditPage search(@RequestParam(name = "actor", required = false) String actor,
                            @RequestParam(name = "action", required = false) String action,
                            @RequestParam(name = "subjectType", required = false) String subjectType,
                            @RequestParam(name = "subjectId", required = false) String subjectId,
                            @RequestParam(name = "from", required = false) Instant from,
                            @RequestParam(name = "to", required = false) Instant to,
                            @RequestParam(name = "page", defaultValue = "0") int page,
                            @RequestParam(name = "size", defaultValue = "" + AuditQuery.DEFAULT_SIZE) int size) {
        AuditQuery query = new AuditQuery(actor, action, subjectType, subjectId, from, to, page, size);
        return new AuditPage(records.search(query), query.page(), query.size());
    }

    /** The same problem shape as the web kit's invalid requests, without depending on it. */
    @ExceptionHandler(InvalidAuditQueryException.class)
    ProblemDetail invalidQuery(InvalidAuditQueryException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setType(URI.create("urn:lendflow:problem:invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of(
                "field", exception.field(),
                "rule", exception.rule(),
                "message", exception.getMessage())));
        String requestId = MDC.get(AuditTrail.REQUEST_ID_MDC);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** One page of records, newest first. */
    public record AuditPage(List<AuditRecordView> records, int page, int size) {
    }
}
