package com.lendflow.antifraud.assessment;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes AssessFraudRisk commands through the inbox: a redelivered message changes nothing, and
 * the reply leaves through the outbox in the same transaction as the assessment.
 */
@Component
class AssessFraudRiskListener {

    static final String CONSUMER = "antifraud-service.assess-fraud-risk";

    private final Inbox inbox;
    private final AssessFraudRiskHandler handler;

    AssessFraudRiskListener(Inbox inbox, AssessFraudRiskHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ANTIFRAUD_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, CONSUMER, AssessFraudRisk.TYPE, (envelope, command) -> {
            if (command.applicationId() == null || command.customerId() == null) {
                // Retrying cannot add what is missing: straight to the dead-letter topic.
                throw new MalformedMessageException("AssessFraudRisk " + envelope.id() + " lacks an application or customer id");
            }
            handler.handle(command);
        });
    }
}
