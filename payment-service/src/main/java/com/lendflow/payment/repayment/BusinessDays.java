package com.lendflow.payment.repayment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The business date as this service last heard it from core-ledger. It only moves forward: a late
 * or redelivered BusinessDateChanged for an earlier day changes nothing.
 */
@Component
class BusinessDays {

    private final JdbcClient jdbc;

    BusinessDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty until core-ledger has said. */
    Optional<LocalDate> current() {
        return jdbc.sql("select business_date from business_day where id = 1").query(LocalDate.class).optional();
    }

    /** Runs in the caller's transaction. */
    void advanceTo(LocalDate date, Instant now) {
        jdbc.sql("""
                insert into business_day (id, business_date, updated_at) values (1, :date, :now)
                on conflict (id) do update set business_date = greatest(business_day.business_date, excluded.business_date),
                    updated_at = excluded.updated_at
                """).param("date", date).param("now", Timestamp.from(now)).update();
    }
}
