package com.lendflow.creditdecision;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics credit-decision-service consumes from and produces to. */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics creditDecisionTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.CREDIT_DECISION_COMMANDS,
                Topics.CREDIT_DECISION_DECISION);
    }
}
