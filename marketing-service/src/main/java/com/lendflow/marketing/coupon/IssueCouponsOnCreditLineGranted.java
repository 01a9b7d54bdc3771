package com.lendflow.marketing.coupon;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.CreditLineGranted;
import com.lendflow.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A granted line is when a campaign's rule (grade A or B, say) gives the customer its coupon. */
@Component
class IssueCouponsOnCreditLineGranted {

    static final String CONSUMER = "marketing-service.issue-on-credit-line-granted";

    private final Inbox inbox;
    private final IssueCoupons issue;

    IssueCouponsOnCreditLineGranted(Inbox inbox, IssueCoupons issue) {
        this.inbox = inbox;
        this.issue = issue;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.LIMIT_CREDIT_LINE)
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        inbox.receive(record, CONSUMER, CreditLineGranted.TYPE,
                (envelope, granted) -> issue.byRule(granted.customerId(), granted.grade()));
    }
}
