package com.lendflow.coreledger.businessday;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounting date, kept apart from the wall clock (table business_day). Only end of day moves
 * it, one day at a time. Anything that books on the business date reads it with {@link #hold()},
 * so end of day cannot close the day under a posting still in flight.
 */
@Component
public class BusinessDay {

    private final JdbcClient jdbc;

    BusinessDay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current business date, for reading. */
    public LocalDate today() {
        return jdbc.sql("select business_date from business_day").query(LocalDate.class).single();
    }

    /**
     * The current business date, share-locked until the calling transaction ends: postings run
     * side by side, and end of day's {@link #lockForClose()} waits for them (and they for it).
     */
    public LocalDate hold() {
        return jdbc.sql("select business_date from business_day for share").query(LocalDate.class).single();
    }

    /** The business date, locked against every posting until the calling transaction ends. */
    public LocalDate lockForClose() {
        return jdbc.sql("select business_date from business_day for update").query(LocalDate.class).single();
    }

    /** Moves the date from {@code closed} to the day after; refused unless {@code closed} is the current date. */
    public LocalDate advance(LocalDate closed) {
        LocalDate next = closed.plusDays(1);
        int moved = jdbc.sql("update business_day set business_date = ?, changed_at = now() where business_date = ?")
                .params(next, closed)
                .update();
        if (moved != 1) {
            throw new IllegalStateException("business date is not " + closed + "; it was moved by someone else");
        }
        return next;
    }
}
