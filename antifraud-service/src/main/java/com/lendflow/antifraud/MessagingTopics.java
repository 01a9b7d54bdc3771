package com.lendflow.antifraud;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics antifraud-service consumes from (commands) and publishes to (assessments and concluded reviews). */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics antifraudTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.ANTIFRAUD_COMMANDS, Topics.ANTIFRAUD_ASSESSMENT);
    }
}
