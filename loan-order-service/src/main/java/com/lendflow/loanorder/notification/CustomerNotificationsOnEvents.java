package com.lendflow.loanorder.notification;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.contracts.payment.WithholdingFailed;
import com.lendflow.loanorder.notification.Notifications.Kind;
import com.lendflow.platform.messaging.Inbox;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the loan's events into SMS to the customer: a repayment applied, the loan settled, a
 * withholding that failed. Only the row is written here (in the inbox's transaction, keyed by the
 * business id, so a redelivered or re-announced event is told once); {@link NotificationSender}
 * delivers it, so a slow or failing SMS gateway never holds up this consumer.
 */
@Component
class CustomerNotificationsOnEvents {

    static final String CONSUMER = "loan-order-service.customer-notifications";

    private final Inbox inbox;
    private final Notifications notifications;
    private final Clock clock;

    CustomerNotificationsOnEvents(Inbox inbox, Notifications notifications, Clock clock) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = {Topics.CORE_LEDGER_LOAN, Topics.PAYMENT_REPAYMENT})
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        if (inbox.receive(record, CONSUMER, RepaymentApplied.TYPE, (envelope, applied) -> {
            // The settlement's own SMS says it all; a repayment that settled the loan is not told twice.
            if (!applied.settled() && applied.customerId() != null && applied.repaymentId() != null) {
                notifications.record("RepaymentApplied:" + applied.repaymentId(), applied.customerId(),
                        Kind.REPAYMENT_APPLIED, NotificationTexts.repaymentApplied(applied), clock.instant());
            }
        })) {
            return;
        }
        if (inbox.receive(record, CONSUMER, LoanSettled.TYPE, (envelope, settled) -> {
            if (settled.customerId() != null && settled.loanId() != null) {
                notifications.record("LoanSettled:" + settled.loanId(), settled.customerId(), Kind.LOAN_SETTLED,
                        NotificationTexts.loanSettled(settled), clock.instant());
            }
        })) {
            return;
        }
        inbox.receive(record, CONSUMER, WithholdingFailed.TYPE, (envelope, failed) -> {
            if (failed.customerId() != null && failed.repaymentId() != null) {
                notifications.record("WithholdingFailed:" + failed.repaymentId() + ":" + failed.attempt(),
                        failed.customerId(), Kind.WITHHOLDING_FAILED, NotificationTexts.withholdingFailed(failed),
                        clock.instant());
            }
        });
    }
}
