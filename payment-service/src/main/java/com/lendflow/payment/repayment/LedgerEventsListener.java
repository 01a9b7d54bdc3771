package com.lendflow.payment.repayment;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.BusinessDateChanged;
import com.lendflow.contracts.ledger.InstallmentDue;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What core-ledger tells payment-service, through the inbox: an installment fell due (one
 * withholding per loan and period, whatever is redelivered), a repayment was applied (its amounts
 * due now show it), the business date moved (attempts of that date become due).
 */
@Component
class LedgerEventsListener {

    static final String LOAN_CONSUMER = "payment-service.ledger-loan";
    static final String DAY_CONSUMER = "payment-service.business-day";

    private static final Logger log = LoggerFactory.getLogger(LedgerEventsListener.class);

    private final Inbox inbox;
    private final Withholdings withholdings;
    private final RepaymentOrders orders;
    private final RepaymentEvents events;
    private final BusinessDays businessDays;
    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerEventsListener(Inbox inbox, Withholdings withholdings, RepaymentOrders orders, RepaymentEvents events,
                         BusinessDays businessDays, JdbcClient jdbc, Clock clock) {
        this.inbox = inbox;
        this.withholdings = withholdings;
        this.orders = orders;
        this.events = events;
        this.businessDays = businessDays;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @KafkaListener(id = LOAN_CONSUMER, topics = Topics.CORE_LEDGER_LOAN)
    void onLoan(ConsumerRecord<String, String> record) {
        boolean handled = inbox.receive(record, LOAN_CONSUMER, InstallmentDue.TYPE, (envelope, due) -> installmentDue(due));
        if (!handled) {
            inbox.receive(record, LOAN_CONSUMER, RepaymentApplied.TYPE, (envelope, applied) -> applied(applied));
        }
    }

    @KafkaListener(id = DAY_CONSUMER, topics = Topics.CORE_LEDGER_BUSINESS_DAY)
    void onBusinessDay(ConsumerRecord<String, String> record) {
        inbox.receive(record, DAY_CONSUMER, BusinessDateChanged.TYPE, (envelope, changed) -> {
            if (changed.businessDate() == null) {
                throw new MalformedMessageException("BusinessDateChanged " + envelope.id() + " names no business date");
            }
            businessDays.advanceTo(changed.businessDate(), now());
            log.info("business date is now {}: withholding attempts of that date are due", changed.businessDate());
        });
    }

    private void installmentDue(InstallmentDue due) {
        if (due.loanId() == null || due.customerId() == null || due.dueDate() == null) {
            throw new MalformedMessageException("InstallmentDue names no loan, customer or due date");
        }
        Instant now = now();
        BigDecimal amount;
        try {
            amount = due.amountDue() == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(due.amountDue()).setScale(2);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedMessageException("InstallmentDue for loan " + due.loanId() + " has a malformed amount");
        }
        Withholding scheduled = Withholding.scheduled(due.loanId(), due.customerId(), due.period(), due.dueDate(), amount, now);
        // The same loan and period is one withholding, whatever message brings it again.
        int inserted = jdbc.sql("""
                insert into withholding (id, loan_id, customer_id, period, due_date, amount_due, state, attempts,
                                         next_attempt_on, created_at, updated_at)
                values (:id, :loan, :customer, :period, :dueDate, :amount, 'SCHEDULED', 0, :dueDate, :now, :now)
                on conflict (loan_id, period) do nothing
                """).param("id", scheduled.id()).param("loan", due.loanId()).param("customer", due.customerId())
                .param("period", due.period()).param("dueDate", due.dueDate()).param("amount", amount)
                .param("now", java.sql.Timestamp.from(now)).update();
        // InstallmentDue is sent once end of day has moved the business date to the due date.
        businessDays.advanceTo(due.dueDate(), now);
        if (inserted == 1) {
            log.info("loan {} period {} falls due on {}: withholding scheduled", due.loanId(), due.period(), due.dueDate());
        } else {
            log.info("loan {} period {} is already scheduled for withholding; InstallmentDue again changes nothing",
                    due.loanId(), due.period());
        }
    }

    private void applied(RepaymentApplied applied) {
        if (applied.repaymentId() == null) {
            return;
        }
        UUID orderId;
        try {
            orderId = UUID.fromString(applied.repaymentId());
        } catch (IllegalArgumentException notOurs) {
            return;
        }
        orders.lockById(orderId).ifPresent(order -> {
            order.applied(now());
            events.save(RepaymentEvent.of(order.id(), RepaymentEvent.Kind.LEDGER, "APPLIED", applied.kind() + " "
                    + applied.amount() + (applied.settled() ? ", loan settled" : ""), now()));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
