package com.lendflow.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka in position order, a batch at a time.
 *
 * <p>Only one relay per database publishes at a time (a transaction-scoped advisory lock), so
 * messages leave in the order they were recorded and one aggregate's messages keep their order
 * on its partition. A batch is sent, flushed and acknowledged by the broker before its rows are
 * stamped; a crash in between sends the batch again on restart, which consumers absorb through
 * their inbox. When a send fails, only the rows before the first failure are stamped, so nothing
 * after a gap is marked as sent.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Same for every Lendflow service; each service has its own database, so they never contend. */
    private static final long RELAY_LOCK_KEY = 0x4C46_4F55_5442_4F58L;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, String> kafka;
    private final MessagingProperties.Relay settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private volatile boolean running;
    private volatile boolean wakeRequested;
    private Thread worker;

    private final MessagingProperties.Retention retention;
    private long lastHousekeeping = System.nanoTime();

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, String> kafka,
                       MessagingProperties.Relay settings) {
        this(jdbc, transactions, kafka, settings, new MessagingProperties.Retention(Duration.ofDays(7), Duration.ofDays(30),
                Duration.ofMinutes(10)));
    }

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, String> kafka,
                       MessagingProperties.Relay settings, MessagingProperties.Retention retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.retention = retention;
    }

    /**
     * Deletes published outbox rows and remembered inbox ids past their retention, a bounded
     * batch at a time so a backlog never holds long locks. Unpublished rows are never touched.
     *
     * @return rows deleted
     */
    public int housekeep() {
        return deleteInBatches("""
                delete from messaging.outbox where position in (
                    select position from messaging.outbox
                    where published_at is not null and published_at < now() - make_interval(secs => ?)
                    order by position limit 10000)
                """, retention.published())
                + deleteInBatches("""
                delete from messaging.inbox where ctid in (
                    select ctid from messaging.inbox
                    where received_at < now() - make_interval(secs => ?)
                    limit 10000)
                """, retention.inbox());
    }

    /** Runs a delete of at most 10,000 rows older than {@code age} until it deletes fewer. */
    private int deleteInBatches(String sql, Duration age) {
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.sql(sql).param(age.toSeconds()).update();
            deleted += batch;
        } while (batch == 10_000);
        return deleted;
    }

    /** Asks the relay to look at the outbox now instead of at its next poll. */
    public void wake() {
        wakeRequested = true;
        if (lock.tryLock()) {
            try {
                workArrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Publishes one batch. Public so a test or an ops task can drain the outbox on demand.
     *
     * @return how many messages were published
     */
    public int publishBatch() {
        Integer published = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK_KEY)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Pending> batch = jdbc.sql("""
                    select position, message_id, topic, message_key, message_type, envelope
                    from messaging.outbox
                    where published_at is null
                    order by position
                    limit ?
                    """)
                    .param(settings.batchSize())
                    .query((rs, n) -> new Pending(rs.getLong("position"), rs.getString("message_id"),
                            rs.getString("topic"), rs.getString("message_key"), rs.getString("message_type"),
                            rs.getString("envelope")))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            return send(batch);
        });
        return published == null ? 0 : published;
    }

    private int send(List<Pending> batch) {
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (Pending message : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), message.envelope());
            record.headers().add(new RecordHeader("lendflow-message-id", message.messageId().getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("lendflow-message-type", message.type().getBytes(StandardCharsets.UTF_8)));
            acks.add(kafka.send(record));
        }
        kafka.flush();
        List<Long> sent = new ArrayList<>(batch.size());
        String failure = null;
        long failedAt = -1;
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                sent.add(batch.get(i).position());
            } catch (Exception e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                failedAt = batch.get(i).position();
                break;
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("update messaging.outbox set published_at = now(), publish_attempts = publish_attempts + 1 "
                            + "where position = any(?)")
                    .param(sent.toArray(Long[]::new))
                    .update();
        }
        if (failure != null) {
            log.warn("outbox relay stopped at position {}: {}; it is retried on the next pass", failedAt, failure);
            jdbc.sql("update messaging.outbox set publish_attempts = publish_attempts + 1, last_error = ? where position = ?")
                    .param(failure)
                    .param(failedAt)
                    .update();
        }
        return sent.size();
    }

    private void loop() {
        while (running) {
            int published = 0;
            try {
                published = publishBatch();
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed, retrying after {}: {}", settings.pollInterval(), e.toString());
            }
            if (published < settings.batchSize()) {
                housekeepWhenDue();
                pause(settings.pollInterval());
            }
        }
    }

    private void housekeepWhenDue() {
        if (System.nanoTime() - lastHousekeeping < retention.every().toNanos()) {
            return;
        }
        lastHousekeeping = System.nanoTime();
        try {
            int deleted = housekeep();
            if (deleted > 0) {
                log.info("outbox housekeeping deleted {} row(s) past retention", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("outbox housekeeping failed, retrying in {}: {}", retention.every(), e.toString());
        }
    }

    private void pause(Duration interval) {
        lock.lock();
        try {
            if (!wakeRequested && running) {
                workArrived.await(interval.toMillis(), TimeUnit.MILLISECONDS);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            wake();
            try {
                // A pass in flight gets a moment to finish; one stuck on an unreachable broker is
                // interrupted, and its unsent messages simply stay in the outbox for the next start.
                current.join(STOP_GRACE.toMillis());
                if (current.isAlive()) {
                    current.interrupt();
                    current.join(STOP_GRACE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop after the web server and listeners so their last messages still leave.
        return Integer.MAX_VALUE - 100;
    }

    private record Pending(long position, String messageId, String topic, String key, String type, String envelope) {
    }
}
