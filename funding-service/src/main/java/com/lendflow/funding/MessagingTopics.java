package com.lendflow.funding;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics funding-service consumes from (commands) and publishes to (positions: replies and warnings). */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics fundingTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.FUNDING_COMMANDS, Topics.FUNDING_POSITION);
    }
}
