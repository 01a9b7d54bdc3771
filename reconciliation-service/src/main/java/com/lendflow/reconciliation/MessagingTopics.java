package com.lendflow.reconciliation;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic reconciliation-service publishes to: dangerous breaks, raised the moment they are found. */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics reconciliationTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.RECONCILIATION_ALERT);
    }
}
