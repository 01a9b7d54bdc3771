package com.lendflow.creditdecision.scorecard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The current scorecard, kept in memory: every decision needs it and it changes rarely. A new
 * version applies within {@code lendflow.credit-decision.tables-refresh} (default 10 s).
 */
@Component
public class ScorecardSource {

    private final Scorecards scorecards;
    private final Clock clock;
    private final Duration refresh;
    private volatile Loaded loaded;

    ScorecardSource(Scorecards scorecards, Clock clock,
                    @Value("${lendflow.credit-decision.tables-refresh:10s}") Duration refresh) {
        this.scorecards = scorecards;
        this.clock = clock;
        this.refresh = refresh;
    }

    public Scorecard current() {
        Loaded current = loaded;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.at().plus(refresh))) {
            int version = scorecards.currentVersion();
            current = new Loaded(scorecards.find(version).orElseThrow(), now);
            loaded = current;
        }
        return current.scorecard();
    }

    public Optional<Scorecard> version(int version) {
        Loaded current = loaded;
        if (current != null && current.scorecard().version() == version) {
            return Optional.of(current.scorecard());
        }
        return scorecards.find(version);
    }

    private record Loaded(Scorecard scorecard, Instant at) {
    }
}
