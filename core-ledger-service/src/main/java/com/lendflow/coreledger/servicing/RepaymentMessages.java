package com.lendflow.coreledger.servicing;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.PrepaymentCollected;
import com.lendflow.contracts.payment.RepaymentCollected;
import com.lendflow.contracts.payment.RepaymentReversed;
import com.lendflow.coreledger.schedule.Reshape;
import com.lendflow.platform.messaging.Inbox;
import java.math.BigDecimal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Repayments collected and reversed by payment channels. The inbox drops a redelivered message;
 * the repayment id drops the same collection arriving twice as two messages (or by HTTP as well).
 * A collection that cannot be applied (overpayment under a REFUSE product, a settled loan) is
 * recorded as REFUSED for finance to refund; a reversal that needs a person goes to the
 * dead-letter topic with its reason. A collected prepayment is applied at today's quote; see
 * {@link Prepayments} for money that no longer matches it.
 */
@Component
class RepaymentMessages {

    static final String COLLECTED = "core-ledger-service.apply-repayment";
    static final String REVERSED = "core-ledger-service.reverse-repayment";
    static final String PREPAID = "core-ledger-service.apply-prepayment";

    private final Inbox inbox;
    private final ApplyRepayment apply;
    private final ReverseRepayment reverse;
    private final Prepayments prepayments;

    RepaymentMessages(Inbox inbox, ApplyRepayment apply, ReverseRepayment reverse, Prepayments prepayments) {
        this.inbox = inbox;
        this.apply = apply;
        this.reverse = reverse;
        this.prepayments = prepayments;
    }

    @KafkaListener(id = PREPAID, topics = Topics.PAYMENT_REPAYMENT)
    void prepaid(ConsumerRecord<String, String> record) {
        inbox.receive(record, PREPAID, PrepaymentCollected.TYPE, (envelope, collected) -> prepayments.prepayCollected(
                new Prepayments.Prepay(collected.repaymentId(), collected.loanId(),
                        collected.principal() == null ? null : new BigDecimal(collected.principal()),
                        collected.reshape() == null ? null : Reshape.valueOf(collected.reshape()),
                        new BigDecimal(collected.amount()), collected.channel())));
    }

    @KafkaListener(id = COLLECTED, topics = Topics.PAYMENT_REPAYMENT)
    void collected(ConsumerRecord<String, String> record) {
        inbox.receive(record, COLLECTED, RepaymentCollected.TYPE, (envelope, collected) -> apply.handle(
                new ReceiveRepayment(collected.repaymentId(), collected.loanId(), new BigDecimal(collected.amount()),
                        collected.channel(), collected.collectedAt()), ApplyRepayment.OnRefusal.RECORD));
    }

    @KafkaListener(id = REVERSED, topics = Topics.PAYMENT_REPAYMENT)
    void reversed(ConsumerRecord<String, String> record) {
        inbox.receive(record, REVERSED, RepaymentReversed.TYPE,
                (envelope, reversed) -> reverse.handle(reversed.repaymentId(), reversed.reason()));
    }
}
