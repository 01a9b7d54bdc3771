package com.lendflow.creditdecision.gradetable;

import com.lendflow.creditdecision.scorecard.Grade;
import com.lendflow.platform.security.audit.AuditActor;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Adds a version of the grade table, audited (who, when, before, after, why) in the same
 * transaction. Decisions already made keep naming the version they used.
 */
@Component
class ChangeGradeTableHandler {

    private final GradeTables tables;
    private final GradeTableSource source;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final Clock clock;

    ChangeGradeTableHandler(GradeTables tables, GradeTableSource source, AuditTrail audit, AuditActorSource actors,
                            Clock clock) {
        this.tables = tables;
        this.source = source;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional
    public GradeTable handle(ChangeGradeTable command) {
        List<GradeTable.Problem> problems = GradeTable.problems(command.grades());
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems.stream().map(p -> new FieldViolation(p.field(), p.rule(), p.message())).toList());
        }
        int current = tables.lockCurrentVersion();
        if (current != command.basedOnVersion()) {
            throw ApiProblem.conflict("stale-version", "the grade table is at version " + current + ", not "
                    + command.basedOnVersion() + "; someone changed it since you read it: reload and apply your change again");
        }
        GradeTable before = tables.find(current).orElseThrow();
        List<GradeTerms> terms = command.grades().stream()
                .map(row -> new GradeTerms(Grade.valueOf(row.grade()), row.minLimit().setScale(2, RoundingMode.UNNECESSARY),
                        row.maxLimit().setScale(2, RoundingMode.UNNECESSARY),
                        row.annualRate().setScale(6, RoundingMode.UNNECESSARY)))
                .sorted(Comparator.comparing(GradeTerms::grade)).toList();
        int version = current + 1;
        String by = actors.currentActor().map(AuditActor::name).orElse(AuditActor.SYSTEM.name());
        tables.add(version, terms, clock.instant(), by, command.reason());
        GradeTable after = tables.find(version).orElseThrow();
        audit.record(new AuditEntry("grade-table.change", "credit-decision-grade-table", String.valueOf(version),
                snapshot(before), snapshot(after), command.reason()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                source.invalidate();
            }
        });
        return after;
    }

    private static Map<String, Object> snapshot(GradeTable table) {
        return Map.of("version", table.version(), "grades", GradeTableView.of(table).grades());
    }
}
