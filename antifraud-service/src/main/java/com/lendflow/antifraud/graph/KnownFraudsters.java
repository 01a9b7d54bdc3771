package com.lendflow.antifraud.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers confirmed as fraudsters. */
@Repository
class KnownFraudsters {

    private final JdbcClient jdbc;

    KnownFraudsters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void flag(KnownFraudster fraudster) {
        jdbc.sql("insert into known_fraudster (customer_id, reason, flagged_by, flagged_at) values (?, ?, ?, ?)")
                .param(fraudster.customerId())
                .param(fraudster.reason())
                .param(fraudster.flaggedBy())
                .param(OffsetDateTime.ofInstant(fraudster.flaggedAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<KnownFraudster> find(UUID customerId) {
        return jdbc.sql("select * from known_fraudster where customer_id = ?").param(customerId).query(this::row).optional();
    }

    List<KnownFraudster> list(int limit, int offset) {
        return jdbc.sql("select * from known_fraudster order by flagged_at desc, customer_id limit ? offset ?")
                .param(limit).param(offset).query(this::row).list();
    }

    void unflag(UUID customerId) {
        jdbc.sql("delete from known_fraudster where customer_id = ?").param(customerId).update();
    }

    private KnownFraudster row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new KnownFraudster(rs.getObject("customer_id", UUID.class), rs.getString("reason"),
                rs.getString("flagged_by"), rs.getObject("flagged_at", OffsetDateTime.class).toInstant());
    }

    /** A customer confirmed as a fraudster, as ops staff see it. */
    record KnownFraudster(UUID customerId, String reason, String flaggedBy, Instant flaggedAt) {

        java.util.Map<String, Object> snapshot() {
            return java.util.Map.of("customerId", customerId.toString(), "reason", reason, "flaggedBy", flaggedBy,
                    "flaggedAt", flaggedAt.toString());
        }
    }
}
