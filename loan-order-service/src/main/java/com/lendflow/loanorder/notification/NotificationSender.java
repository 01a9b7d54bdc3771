package com.lendflow.loanorder.notification;

import com.lendflow.loanorder.customer.CustomerContacts;
import com.lendflow.loanorder.sms.SmsGateway;
import com.lendflow.platform.web.privacy.Mask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers recorded notifications through the SMS gateway, outside any transaction. Each attempt
 * is claimed first (the row's next attempt moves past the lease), so two senders never send one
 * notification at the same time. A failed attempt is tried again after {@code retry-delay} times
 * the attempts so far, up to {@code max-attempts}; then the notification is FAILED with the reason.
 * A crash between sending and recording repeats that SMS once the lease ends: at least once, as
 * an SMS cannot be taken back anyway.
 */
@Component
class NotificationSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final Notifications notifications;
    private final CustomerContacts contacts;
    private final SmsGateway sms;
    private final Clock clock;
    private final Duration interval;
    private final Duration retryDelay;
    private final Duration lease;
    private final int maxAttempts;
    private final int batchSize;
    private ScheduledExecutorService scheduler;

    NotificationSender(Notifications notifications, CustomerContacts contacts, SmsGateway sms, Clock clock,
                       @Value("${lendflow.loan-order.notifications.send-interval:1s}") Duration interval,
                       @Value("${lendflow.loan-order.notifications.retry-delay:1m}") Duration retryDelay,
                       @Value("${lendflow.loan-order.notifications.lease:2m}") Duration lease,
                       @Value("${lendflow.loan-order.notifications.max-attempts:5}") int maxAttempts,
                       @Value("${lendflow.loan-order.notifications.batch-size:50}") int batchSize) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.sms = sms;
        this.clock = clock;
        this.interval = interval;
        this.retryDelay = retryDelay;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
    }

    /** Sends what is due now; returns how many were attempted. */
    int sendDue() {
        Instant now = clock.instant();
        List<Notifications.Claimed> due = notifications.claimDue(now, now.plus(lease), batchSize);
        due.forEach(this::deliver);
        return due.size();
    }

    private void deliver(Notifications.Claimed notification) {
        Optional<CustomerContacts.Contact> contact = contacts.of(notification.customerId());
        if (contact.isEmpty()) {
            log.warn("notification {} ({}) names unknown customer {}; not sent", notification.id(), notification.kind(),
                    notification.customerId());
            notifications.failed(notification.id(), "no customer " + notification.customerId());
            return;
        }
        String mobile = contact.get().mobile();
        try {
            sms.send(mobile, notification.text());
            notifications.sent(notification.id(), clock.instant());
            log.info("notification {} ({}) sent to {}", notification.id(), notification.kind(), Mask.mobile(mobile));
        } catch (SmsGateway.SmsNotSent e) {
            String reason = "attempt " + notification.attempts() + ": " + e.getMessage();
            if (notification.attempts() >= maxAttempts) {
                log.warn("notification {} ({}) to {} given up after {} attempts: {}", notification.id(),
                        notification.kind(), Mask.mobile(mobile), notification.attempts(), e.getMessage());
                notifications.failed(notification.id(), reason);
            } else {
                Instant next = clock.instant().plus(retryDelay.multipliedBy(notification.attempts()));
                log.warn("notification {} ({}) to {} not sent, trying again at {}: {}", notification.id(),
                        notification.kind(), Mask.mobile(mobile), next, e.getMessage());
                notifications.retryAt(notification.id(), next, reason);
            }
        }
    }

    private void sendQuietly() {
        try {
            while (sendDue() == batchSize) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("sending customer notifications failed, retrying in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("customer-notifications").daemon(true).factory());
        long every = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::sendQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
