package com.lendflow.loanorder.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The customer_notification table: one row per business event, claimed by a sender for each attempt. */
@Component
class Notifications {

    enum Kind { REPAYMENT_APPLIED, LOAN_SETTLED, WITHHOLDING_FAILED }

    /** A notification claimed for one delivery attempt. */
    record Claimed(UUID id, UUID customerId, String kind, String text, int attempts) {

        @Override
        public String toString() {
            return "Claimed[id=" + id + ", kind=" + kind + ", attempts=" + attempts + "]";
        }
    }

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if the business event was recorded already (a redelivery, or the same event under a new id) */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean record(String businessKey, UUID customerId, Kind kind, String text, Instant now) {
        return jdbc.sql("""
                        insert into customer_notification (id, business_key, customer_id, kind, text, state,
                                                           next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, 'PENDING', ?, ?)
                        on conflict (business_key) do nothing
                        """)
                .params(UUID.randomUUID(), businessKey, customerId, kind.name(), text, ts(now), ts(now))
                .update() == 1;
    }

    /**
     * Claims up to {@code limit} due notifications for one attempt each: their next attempt moves to
     * {@code leaseUntil}, so no other sender (or a later sweep) takes them while this one sends.
     */
    @Transactional
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update customer_notification set attempts = attempts + 1, next_attempt_at = ?
                        where id in (select id from customer_notification
                                     where state = 'PENDING' and next_attempt_at <= ?
                                     order by next_attempt_at limit ? for update skip locked)
                        returning id, customer_id, kind, text, attempts
                        """)
                .params(ts(leaseUntil), ts(now), limit)
                .query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                        rs.getString("kind"), rs.getString("text"), rs.getInt("attempts")))
                .list();
    }

    @Transactional
    void sent(UUID id, Instant now) {
        jdbc.sql("update customer_notification set state = 'SENT', sent_at = ?, last_error = null where id = ?")
                .params(ts(now), id).update();
    }

    /** Another attempt at {@code nextAttempt}, keeping the reason of this one. */
    @Transactional
    void retryAt(UUID id, Instant nextAttempt, String reason) {
        jdbc.sql("update customer_notification set next_attempt_at = ?, last_error = ? where id = ? and state = 'PENDING'")
                .params(ts(nextAttempt), reason, id).update();
    }

    /** Given up: the reason says why, for ops to read. */
    @Transactional
    void failed(UUID id, String reason) {
        jdbc.sql("update customer_notification set state = 'FAILED', last_error = ? where id = ? and state = 'PENDING'")
                .params(reason, id).update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
