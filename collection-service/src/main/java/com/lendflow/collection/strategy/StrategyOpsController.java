package com.lendflow.collection.strategy;

import com.lendflow.collection.casework.Buckets;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grading rules, strategies and message templates as data: every staff member in collection reads
 * them; supervisors and administrators change them, each change audited with before and after.
 * A change governs runs from then on; actions already recorded stay as they were.
 */
@RestController
@RequestMapping("/ops/v1/collection")
class StrategyOpsController {

    private static final Set<String> ACTIONS = Set.of("SMS", "ROBO_CALL", "AGENT_QUEUE", "SENIOR_QUEUE", "OUTSOURCE");

    private final JdbcClient jdbc;
    private final Grading grading;
    private final Strategies strategies;
    private final AuditTrail audit;

    StrategyOpsController(JdbcClient jdbc, Grading grading, Strategies strategies, AuditTrail audit) {
        this.jdbc = jdbc;
        this.grading = grading;
        this.strategies = strategies;
        this.audit = audit;
    }

    record RuleView(int priority, String bucket, String minAmount, Integer minRiskScore, String grade) {
    }

    record TemplateView(String code, String channel, String body) {
    }

    record StrategyView(List<String> grades, List<RuleView> gradeRules, List<Step> steps, List<TemplateView> templates) {
    }

    @GetMapping("/strategy")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'ADMIN')")
    StrategyView strategy() {
        return new StrategyView(grading.grades(), rules(), strategies.all(), templates());
    }

    record RuleRequest(Integer priority, String bucket, BigDecimal minAmount, Integer minRiskScore, String grade) {
    }

    record RulesRequest(List<RuleRequest> rules, String reason) {
    }

    /** Replaces every grade rule. The last rule should hold for every case, or cases fall to the lowest grade. */
    @PutMapping("/grade-rules")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    @Transactional
    List<RuleView> putRules(@RequestBody RulesRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.rules() == null || request.rules().isEmpty()) {
            violations.add(new FieldViolation("rules", "NotEmpty", "must hold at least one rule"));
        } else {
            Set<Integer> priorities = new HashSet<>();
            for (int i = 0; i < request.rules().size(); i++) {
                RuleRequest r = request.rules().get(i);
                String at = "rules[" + i + "].";
                if (r.priority() == null || r.priority() < 1 || !priorities.add(r.priority())) {
                    violations.add(new FieldViolation(at + "priority", "unique-positive", "must be a positive number no other rule has"));
                }
                if (r.bucket() != null && (!Buckets.isBucket(r.bucket()) || "M0".equals(r.bucket()))) {
                    violations.add(new FieldViolation(at + "bucket", "bucket", "must be M1, M2, M3, M3+ or absent"));
                }
                if (r.minAmount() != null && (r.minAmount().signum() < 0 || r.minAmount().stripTrailingZeros().scale() > 2)) {
                    violations.add(new FieldViolation(at + "minAmount", "amount", "must be 0 or more, in whole fen"));
                }
                if (r.minRiskScore() != null && (r.minRiskScore() < 0 || r.minRiskScore() > 100)) {
                    violations.add(new FieldViolation(at + "minRiskScore", "Range", "must be between 0 and 100"));
                }
                if (r.grade() == null || !grading.grades().contains(r.grade())) {
                    violations.add(new FieldViolation(at + "grade", "known-grade", "must be one of " + grading.grades()));
                }
            }
        }
        refuse(violations);
        List<RuleView> before = rules();
        jdbc.sql("delete from grade_rule").update();
        for (RuleRequest r : request.rules()) {
            jdbc.sql("insert into grade_rule (priority, bucket, min_amount, min_risk_score, grade) values (?, ?, ?, ?, ?)")
                    .params(r.priority(), r.bucket(), r.minAmount(), r.minRiskScore(), r.grade()).update();
        }
        List<RuleView> after = rules();
        audit.record(new AuditEntry("collection-grade-rules.change", "collection-grade-rules", "all", before, after,
                request.reason()));
        afterCommit(grading::reload);
        return after;
    }

    record StepRequest(Integer day, String action, String templateCode, String agency) {
    }

    record StepsRequest(List<StepRequest> steps, String reason) {
    }

    /** Replaces the strategy of one grade in one bucket. */
    @PutMapping("/strategy/{grade}/{bucket}")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    @Transactional
    List<Step> putSteps(@PathVariable String grade, @PathVariable String bucket, @RequestBody StepsRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!grading.grades().contains(grade)) {
            violations.add(new FieldViolation("grade", "known-grade", "must be one of " + grading.grades()));
        }
        if (!Buckets.isBucket(bucket) || "M0".equals(bucket)) {
            violations.add(new FieldViolation("bucket", "bucket", "must be M1, M2, M3 or M3+"));
        }
        List<StepRequest> steps = request.steps() == null ? List.of() : request.steps();
        Set<String> templates = new HashSet<>(templates().stream().map(TemplateView::code).toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            StepRequest s = steps.get(i);
            String at = "steps[" + i + "].";
            if (s.day() == null || s.day() < 1) {
                violations.add(new FieldViolation(at + "day", "Positive", "must be 1 or more days past due"));
            }
            if (s.action() == null || !ACTIONS.contains(s.action())) {
                violations.add(new FieldViolation(at + "action", "one-of", "must be one of " + ACTIONS));
                continue;
            }
            boolean contact = s.action().equals("SMS") || s.action().equals("ROBO_CALL");
            if (contact != (s.templateCode() != null) || (contact && !templates.contains(s.templateCode()))) {
                violations.add(new FieldViolation(at + "templateCode", "template",
                        contact ? "must name an existing template" : "only SMS and ROBO_CALL steps take a template"));
            }
            if ("OUTSOURCE".equals(s.action()) != (s.agency() != null && !s.agency().isBlank())) {
                violations.add(new FieldViolation(at + "agency", "agency", "OUTSOURCE steps, and only they, name an agency"));
            }
            if (!seen.add(s.day() + "/" + s.action())) {
                violations.add(new FieldViolation(at + "action", "unique", "the same action twice on one day"));
            }
        }
        refuse(violations);
        List<Step> before = strategies.stepsFor(grade, bucket);
        jdbc.sql("delete from strategy_step where grade = ? and bucket = ?").params(grade, bucket).update();
        for (StepRequest s : steps) {
            jdbc.sql("insert into strategy_step (grade, bucket, day, action, template_code, agency) values (?, ?, ?, ?, ?, ?)")
                    .params(grade, bucket, s.day(), s.action(), s.templateCode(), s.agency()).update();
        }
        List<Step> after = strategies.all().stream().filter(s -> s.grade().equals(grade) && s.bucket().equals(bucket)).toList();
        audit.record(new AuditEntry("collection-strategy.change", "collection-strategy", grade + "/" + bucket, before, after,
                request.reason()));
        afterCommit(strategies::reload);
        return after;
    }

    record TemplateRequest(String channel, String body, String reason) {
    }

    @PutMapping("/templates/{code}")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    @Transactional
    TemplateView putTemplate(@PathVariable String code, @RequestBody TemplateRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!code.matches("^[A-Z][A-Z0-9_]{1,49}$")) {
            violations.add(new FieldViolation("code", "Pattern", "must be 2 to 50 capitals, digits or '_'"));
        }
        if (!"SMS".equals(request.channel()) && !"VOICE".equals(request.channel())) {
            violations.add(new FieldViolation("channel", "one-of", "must be SMS or VOICE"));
        }
        if (request.body() == null || request.body().isBlank() || request.body().length() > 500) {
            violations.add(new FieldViolation("body", "Size", "must be 1 to 500 characters"));
        }
        refuse(violations);
        TemplateView before = templates().stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
        jdbc.sql("""
                insert into message_template (code, channel, body, updated_at) values (?, ?, ?, now())
                on conflict (code) do update set channel = excluded.channel, body = excluded.body, updated_at = now()
                """).params(code, request.channel(), request.body()).update();
        TemplateView after = new TemplateView(code, request.channel(), request.body());
        audit.record(new AuditEntry(before == null ? "collection-template.create" : "collection-template.change",
                "collection-template", code, before, after, request.reason()));
        return after;
    }

    private List<RuleView> rules() {
        return jdbc.sql(
                        "select priority, bucket, min_amount, min_risk_score, grade from grade_rule order by priority")
                .query((rs, row) -> new RuleView(rs.getInt(1), rs.getString(2),
                        rs.getBigDecimal(3) == null ? null : rs.getBigDecimal(3).toPlainString(),
                        (Integer) rs.getObject(4), rs.getString(5)))
                .list();
    }

    private List<TemplateView> templates() {
        return jdbc.sql("select code, channel, body from message_template order by code")
                .query((rs, row) -> new TemplateView(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private static void refuse(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }

    private static void afterCommit(Runnable reload) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reload.run();
            }
        });
    }

}
