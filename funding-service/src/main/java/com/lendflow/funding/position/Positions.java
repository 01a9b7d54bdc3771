package com.lendflow.funding.position;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Positions per partner per business day. A day's row is opened by the first thing that touches
 * it; {@link #hold} locks it, and everything that changes a day's numbers holds it first, so
 * concurrent reservations take turns and never pass the plan.
 */
@Repository
public class Positions {

    private static final String SELECT = """
            select p.partner_id, cast(:date as date) as business_date,
                   coalesce(o.amount, p.daily_plan) as plan, o.amount is not null as own_plan,
                   coalesce(x.top_ups, 0.00) as top_ups, coalesce(x.reserved, 0.00) as reserved,
                   coalesce(x.used, 0.00) as used, x.warned_at
            from funding_partner p
            left join funding_plan o on o.partner_id = p.partner_id and o.business_date = :date
            left join funding_position x on x.partner_id = p.partner_id and x.business_date = :date
            """;

    private final JdbcClient jdbc;

    Positions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every partner's position on the day, opened or not, in the order partners are asked. */
    public List<Position> onDate(LocalDate date) {
        return jdbc.sql(SELECT + " order by p.priority, p.partner_id").param("date", date)
                .query((row, n) -> position(row)).list();
    }

    public Optional<Position> find(String partnerId, LocalDate date) {
        return jdbc.sql(SELECT + " where p.partner_id = :partner").param("date", date).param("partner", partnerId)
                .query((row, n) -> position(row)).optional();
    }

    /**
     * The partner's position on the day, locked until this transaction ends. The partner must exist
     * (and should be held by the caller, so its default plan cannot change meanwhile).
     */
    public Position hold(String partnerId, LocalDate date) {
        jdbc.sql("""
                insert into funding_position (partner_id, business_date) values (?, ?)
                on conflict do nothing
                """).param(partnerId).param(date).update();
        jdbc.sql("select 1 from funding_position where partner_id = ? and business_date = ? for update")
                .param(partnerId).param(date).query(Integer.class).single();
        // Read after the lock: under READ COMMITTED this statement sees whatever committed before it.
        return find(partnerId, date).orElseThrow();
    }

    /** Writes a held position's reserved, used and warning back. */
    public void save(Position position) {
        jdbc.sql("""
                update funding_position set top_ups = :topUps, reserved = :reserved, used = :used, warned_at = :warnedAt
                where partner_id = :partner and business_date = :date
                """)
                .param("topUps", position.topUps())
                .param("reserved", position.reserved())
                .param("used", position.used())
                .param("warnedAt", position.warnedAt() == null ? null
                        : OffsetDateTime.ofInstant(position.warnedAt(), ZoneOffset.UTC))
                .param("partner", position.partnerId())
                .param("date", position.businessDate())
                .update();
    }

    /** Positions opened from {@code from} on that follow the partner's default plan, for a change of that default. */
    public List<Position> followingDefaultFrom(String partnerId, LocalDate from) {
        return jdbc.sql("""
                select x.business_date from funding_position x
                where x.partner_id = ? and x.business_date >= ?
                  and not exists (select 1 from funding_plan o
                                  where o.partner_id = x.partner_id and o.business_date = x.business_date)
                order by x.business_date
                """).param(partnerId).param(from).query(LocalDate.class).list().stream()
                .map(date -> find(partnerId, date).orElseThrow()).toList();
    }

    void setPlan(String partnerId, LocalDate date, BigDecimal amount, String by, Instant at) {
        jdbc.sql("""
                insert into funding_plan (partner_id, business_date, amount, updated_at, updated_by)
                values (:partner, :date, :amount, :at, :by)
                on conflict (partner_id, business_date)
                do update set amount = excluded.amount, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .param("partner", partnerId).param("date", date).param("amount", amount)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by)
                .update();
    }

    void addTopUp(String partnerId, LocalDate date, BigDecimal amount, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into funding_top_up (partner_id, business_date, amount, reason, added_at, added_by)
                values (:partner, :date, :amount, :reason, :at, :by)
                """)
                .param("partner", partnerId).param("date", date).param("amount", amount).param("reason", reason)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by)
                .update();
    }

    private static Position position(ResultSet row) throws SQLException {
        OffsetDateTime warnedAt = row.getObject("warned_at", OffsetDateTime.class);
        return new Position(
                row.getString("partner_id"),
                row.getObject("business_date", LocalDate.class),
                row.getBigDecimal("plan"),
                row.getBoolean("own_plan"),
                row.getBigDecimal("top_ups"),
                row.getBigDecimal("reserved"),
                row.getBigDecimal("used"),
                warnedAt == null ? null : warnedAt.toInstant());
    }
}
