package com.lendflow.collection.casework;

import com.lendflow.collection.CollectionSettings;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The collection business date: the date core-ledger's end of day last moved to. Before the first
 * BusinessDateChanged arrives (a fresh database) it is today on the borrowers' clock.
 */
@Component
public class CollectionDay {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CollectionSettings settings;

    CollectionDay(JdbcClient jdbc, Clock clock, CollectionSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    public LocalDate today() {
        LocalDate date = jdbc.sql("select business_date from collection_day").query(LocalDate.class).optional().orElse(null);
        return date != null ? date : LocalDate.now(clock.withZone(settings.zone()));
    }

    /** Moves the date forward to {@code date}; an older date (a late or replayed message) leaves it. */
    public void moveTo(LocalDate date) {
        jdbc.sql("""
                update collection_day set business_date = :date, changed_at = now()
                 where business_date is null or business_date < :date
                """).param("date", date).update();
    }
}
