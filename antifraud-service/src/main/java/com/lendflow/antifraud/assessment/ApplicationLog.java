package com.lendflow.antifraud.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every application seen, by device and IP index, for velocity counts. */
@Repository
class ApplicationLog {

    private final JdbcClient jdbc;

    ApplicationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID applicationId, UUID customerId, String deviceIndex, String ipIndex, Instant appliedAt) {
        jdbc.sql("""
                insert into application_log (application_id, customer_id, device_index, ip_index, applied_at)
                values (?, ?, ?, ?, ?)
                on conflict (application_id) do nothing
                """)
                .param(applicationId).param(customerId).param(deviceIndex).param(ipIndex)
                .param(OffsetDateTime.ofInstant(appliedAt, ZoneOffset.UTC))
                .update();
    }

    /** Applications from the device in the window that ends at {@code at}, the one at {@code at} included. */
    int fromDevice(String deviceIndex, Instant at, Duration window) {
        return count("device_index", deviceIndex, at, window);
    }

    int fromIp(String ipIndex, Instant at, Duration window) {
        return count("ip_index", ipIndex, at, window);
    }

    private int count(String column, String index, Instant at, Duration window) {
        if (index == null) {
            return 0;
        }
        // column is one of two names fixed above, never input.
        return jdbc.sql("select count(*) from application_log where " + column + " = ? and applied_at > ? and applied_at <= ?")
                .param(index)
                .param(OffsetDateTime.ofInstant(at.minus(window), ZoneOffset.UTC))
                .param(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Integer.class)
                .single();
    }
}
