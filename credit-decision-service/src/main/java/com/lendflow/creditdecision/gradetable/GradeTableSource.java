package com.lendflow.creditdecision.gradetable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The current grade table, kept in memory: every approval needs it. A change through this instance
 * applies at once; one made through another instance within
 * {@code lendflow.credit-decision.tables-refresh} (default 10 s).
 */
@Component
public class GradeTableSource {

    private final GradeTables tables;
    private final Clock clock;
    private final Duration refresh;
    private volatile Loaded loaded;

    GradeTableSource(GradeTables tables, Clock clock,
                     @Value("${lendflow.credit-decision.tables-refresh:10s}") Duration refresh) {
        this.tables = tables;
        this.clock = clock;
        this.refresh = refresh;
    }

    public GradeTable current() {
        Loaded current = loaded;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.at().plus(refresh))) {
            current = new Loaded(tables.find(tables.currentVersion()).orElseThrow(), now);
            loaded = current;
        }
        return current.table();
    }

    public Optional<GradeTable> version(int version) {
        return tables.find(version);
    }

    void invalidate() {
        loaded = null;
    }

    private record Loaded(GradeTable table, Instant at) {
    }
}
