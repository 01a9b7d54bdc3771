package com.lendflow.collection.agent;

import com.lendflow.collection.strategy.Grading;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Collection agents for supervisors: the grades each takes and how many open cases they hold at most. */
@RestController
@RequestMapping("/ops/v1/collection/agents")
class AgentOpsController {

    private final Agents agents;
    private final Grading grading;
    private final AuditTrail audit;

    AgentOpsController(Agents agents, Grading grading, AuditTrail audit) {
        this.agents = agents;
        this.grading = grading;
        this.audit = audit;
    }

    record AgentRequest(@NotBlank @Size(max = 100) String displayName, @NotEmpty List<@NotBlank String> grades,
                        @NotNull @Min(0) Integer capacity, Boolean senior, Boolean active, @Size(max = 500) String reason) {
    }

    record AgentsView(List<Agents.Agent> agents) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    AgentsView agents() {
        return new AgentsView(agents.all());
    }

    /** Creates or replaces the agent (a staff user id); audited. */
    @PutMapping("/{userId}")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    @Transactional
    Agents.Agent put(@PathVariable String userId, @Valid @RequestBody AgentRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        List<String> known = grading.grades();
        for (String grade : request.grades()) {
            if (!known.contains(grade)) {
                violations.add(new FieldViolation("grades", "known-grade", "'" + grade + "' is not a grade; grades are " + known));
            }
        }
        if (userId.length() > 100) {
            violations.add(new FieldViolation("userId", "Size", "must be at most 100 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        Agents.Agent before = agents.find(userId).orElse(null);
        agents.save(userId, request.displayName(), request.grades(), request.capacity(), Boolean.TRUE.equals(request.senior()),
                request.active() == null || request.active());
        Agents.Agent after = agents.find(userId).orElseThrow();
        audit.record(new AuditEntry(before == null ? "collection-agent.create" : "collection-agent.change",
                "collection-agent", userId, before, after, request.reason()));
        return after;
    }
}
