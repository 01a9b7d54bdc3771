package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.customer.CustomerRegistered;
import com.lendflow.platform.messaging.Inbox;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every registered customer gets an empty credit line, ready to be granted a limit. The
 * registration may arrive after the saga's grant; the line the grant opened is then kept.
 */
@Component
class OpenCreditLineOnCustomerRegistered {

    static final String CONSUMER = "limit-service.open-credit-line";
    private static final Logger log = LoggerFactory.getLogger(OpenCreditLineOnCustomerRegistered.class);

    private final Inbox inbox;
    private final CreditLines creditLines;
    private final Clock clock;

    OpenCreditLineOnCustomerRegistered(Inbox inbox, CreditLines creditLines, Clock clock) {
        this.inbox = inbox;
        this.creditLines = creditLines;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.LOAN_ORDER_CUSTOMER)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, CONSUMER, CustomerRegistered.TYPE, (envelope, registered) -> {
            // A grant that arrived first has opened (and maybe activated) the line: leave it as it is.
            if (creditLines.openIfAbsent(registered.customerId(), clock.instant()) == 1) {
                log.info("opened an empty credit line for customer {}", registered.customerId());
            }
        });
    }
}
