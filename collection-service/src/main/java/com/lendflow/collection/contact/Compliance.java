package com.lendflow.collection.contact;

import com.lendflow.collection.CollectionSettings;
import com.lendflow.collection.casework.Cases;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contact rules the system enforces on every contact, automated or by an agent: no contact in
 * quiet hours (21:00–08:00 on the borrowers' clock by default), and at most a configured number of
 * contacts per customer per day. Callers hold the customer's lock, so the count cannot race.
 */
@Component
public class Compliance {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CollectionSettings settings;

    Compliance(JdbcClient jdbc, Clock clock, CollectionSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    public Instant now() {
        return clock.instant();
    }

    /** When quiet hours end, if {@code at} falls in them. */
    public Optional<Instant> quietUntil(Instant at) {
        ZonedDateTime local = at.atZone(settings.zone());
        LocalTime from = settings.compliance().quietFrom();
        LocalTime until = settings.compliance().quietUntil();
        LocalTime time = local.toLocalTime();
        boolean wraps = from.isAfter(until);
        boolean quiet = wraps ? !time.isBefore(from) || time.isBefore(until) : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate endDay = wraps && !time.isBefore(from) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return Optional.of(endDay.atTime(until).atZone(settings.zone()).toInstant());
    }

    public int dailyCap() {
        return settings.compliance().dailyContactCap();
    }

    /** Contacts the customer had on {@code at}'s day: automated ones made or under way, and agents' calls. */
    public int contactsOnDayOf(UUID customerId, Instant at) {
        LocalDate day = at.atZone(settings.zone()).toLocalDate();
        Instant start = day.atStartOfDay(settings.zone()).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        Integer count = jdbc.sql("""
                select (select count(*) from collection_action
                         where customer_id = :customer and kind in ('SMS', 'ROBO_CALL') and state in ('SENDING', 'DONE')
                           and executed_at >= :start and executed_at < :end)
                     + (select count(*) from contact
                         where customer_id = :customer and contacted_at >= :start and contacted_at < :end)
                """).param("customer", customerId).param("start", Cases.at(start)).param("end", Cases.at(end))
                .query(Integer.class).single();
        return count;
    }

    public boolean capReached(UUID customerId, Instant at) {
        return contactsOnDayOf(customerId, at) >= dailyCap();
    }
}
