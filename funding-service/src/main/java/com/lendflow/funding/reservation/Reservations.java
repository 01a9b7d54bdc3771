package com.lendflow.funding.reservation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per drawdown that asked for funding. */
@Repository
class Reservations {

    private static final String SELECT = """
            select drawdown_id, customer_id, partner_id, partner_name, business_date, amount, status,
                   remaining_after, refusal_code, refusal_reason, reserved_at
            from funding_reservation
            where drawdown_id = ?
            """;

    private final JdbcClient jdbc;

    Reservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Reservation> find(UUID drawdownId) {
        return jdbc.sql(SELECT).param(drawdownId).query((row, n) -> reservation(row)).optional();
    }

    /** The drawdown's reservation, locked until this transaction ends, so a confirm and a release take turns. */
    Optional<Reservation> hold(UUID drawdownId) {
        return jdbc.sql(SELECT + " for update").param(drawdownId).query((row, n) -> reservation(row)).optional();
    }

    void insert(Reservation reservation) {
        jdbc.sql("""
                insert into funding_reservation (drawdown_id, customer_id, partner_id, partner_name, business_date,
                                                 amount, status, remaining_after, refusal_code, refusal_reason,
                                                 reserved_at)
                values (:drawdown, :customer, :partner, :partnerName, :date, :amount, :status, :remaining, :code,
                        :reason, :at)
                """)
                .param("drawdown", reservation.drawdownId())
                .param("customer", reservation.customerId())
                .param("partner", reservation.partnerId())
                .param("partnerName", reservation.partnerName())
                .param("date", reservation.businessDate())
                .param("amount", reservation.amount())
                .param("status", reservation.status().name())
                .param("remaining", reservation.remainingAfter())
                .param("code", reservation.refusalCode() == null ? null : reservation.refusalCode().name())
                .param("reason", reservation.refusalReason())
                .param("at", utc(reservation.reservedAt()))
                .update();
    }

    void confirmed(UUID drawdownId, Instant at) {
        jdbc.sql("update funding_reservation set status = 'CONFIRMED', confirmed_at = ? where drawdown_id = ?")
                .param(utc(at)).param(drawdownId).update();
    }

    void released(UUID drawdownId, Instant at) {
        jdbc.sql("update funding_reservation set status = 'RELEASED', released_at = ? where drawdown_id = ?")
                .param(utc(at)).param(drawdownId).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Reservation reservation(ResultSet row) throws SQLException {
        String code = row.getString("refusal_code");
        return new Reservation(
                row.getObject("drawdown_id", UUID.class),
                row.getObject("customer_id", UUID.class),
                row.getString("partner_id"),
                row.getString("partner_name"),
                row.getObject("business_date", LocalDate.class),
                row.getBigDecimal("amount"),
                Reservation.Status.valueOf(row.getString("status")),
                row.getBigDecimal("remaining_after"),
                code == null ? null : Refusal.valueOf(code),
                row.getString("refusal_reason"),
                row.getObject("reserved_at", OffsetDateTime.class).toInstant());
    }
}
