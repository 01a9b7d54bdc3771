package com.lendflow.collection.agent;

import com.lendflow.collection.casework.Cases;
import com.lendflow.collection.casework.CollectionCase;
import com.lendflow.collection.casework.CustomerLocks;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supervisor moves a case to another agent: one who is active, takes the case's grade and has
 * room. The previous agent's lock goes with the case. Audited with the agent before and after.
 */
@RestController
class AssignmentOpsController {

    private final Cases cases;
    private final Agents agents;
    private final CustomerLocks customers;
    private final AuditTrail audit;

    AssignmentOpsController(Cases cases, Agents agents, CustomerLocks customers, AuditTrail audit) {
        this.cases = cases;
        this.agents = agents;
        this.customers = customers;
        this.audit = audit;
    }

    record AssignmentRequest(String agentId, String reason) {
    }

    record AssignmentView(UUID caseId, String agentId, String queue) {
    }

    @PostMapping("/ops/v1/collection/cases/{id}/assignment")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    @Transactional
    AssignmentView reassign(@PathVariable UUID id, @RequestBody AssignmentRequest request) {
        if (request.agentId() == null || request.agentId().isBlank()) {
            throw new InvalidRequest(List.of(new FieldViolation("agentId", "NotBlank", "must name the agent to take the case")));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidRequest(List.of(new FieldViolation("reason", "NotBlank", "must say why the case moves")));
        }
        CollectionCase found = cases.find(id).orElseThrow(() -> ApiProblem.notFound("Collection case", id));
        customers.lock(found.customerId());
        found = cases.find(id).orElseThrow();
        if (!found.open()) {
            throw ApiProblem.conflict("case-closed", "the case closed on " + found.closedOn());
        }
        Agents.Agent agent = agents.lock(request.agentId()).orElseThrow(() -> new InvalidRequest(List.of(
                new FieldViolation("agentId", "known-agent", "no collection agent " + request.agentId()))));
        if (!agent.takes(found.grade())) {
            throw new InvalidRequest(List.of(new FieldViolation("agentId", "takes-grade",
                    request.agentId() + " is inactive or does not take grade " + found.grade())));
        }
        if (request.agentId().equals(found.agentId())) {
            return new AssignmentView(id, found.agentId(), found.queue());
        }
        if (agent.full()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "agent-at-capacity", "Agent at capacity",
                    request.agentId() + " already holds " + agent.openCases() + " open cases, their capacity");
        }
        String queue = found.queue() == null || "OUTSOURCE".equals(found.queue()) ? (agent.senior() ? "SENIOR" : "AGENT")
                : found.queue();
        agents.handTo(id, queue, request.agentId());
        audit.record(new AuditEntry("collection-case.reassign", "collection-case", id.toString(),
                Map.of("agentId", String.valueOf(found.agentId()), "queue", String.valueOf(found.queue())),
                Map.of("agentId", request.agentId(), "queue", queue), request.reason()));
        return new AssignmentView(id, request.agentId(), queue);
    }
}
