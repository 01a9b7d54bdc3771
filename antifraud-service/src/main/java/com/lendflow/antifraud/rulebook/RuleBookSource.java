package com.lendflow.antifraud.rulebook;

import com.lendflow.antifraud.rules.RuleBook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The current rule book, kept in memory: every assessment needs it, and it changes a few times a
 * month. A change through this instance applies at once; one made through another instance
 * applies here within {@code lendflow.antifraud.rules-refresh} (default 10 s).
 */
@Component
public class RuleBookSource {

    private final Rules rules;
    private final Clock clock;
    private final Duration refresh;
    private volatile Loaded loaded;

    RuleBookSource(Rules rules, Clock clock, @Value("${lendflow.antifraud.rules-refresh:10s}") Duration refresh) {
        this.rules = rules;
        this.clock = clock;
        this.refresh = refresh;
    }

    public RuleBook current() {
        Loaded current = loaded;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.at().plus(refresh))) {
            current = new Loaded(rules.load(), now);
            loaded = current;
        }
        return current.book();
    }

    /** Forgets the cached book; the next assessment reads the table. */
    void invalidate() {
        loaded = null;
    }

    private record Loaded(RuleBook book, Instant at) {
    }
}
