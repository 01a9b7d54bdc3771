package com.lendflow.marketing;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics marketing-service consumes from (its commands, granted lines) and publishes to (coupon replies). */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics marketingTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.MARKETING_COMMANDS, Topics.MARKETING_COUPON,
                Topics.LIMIT_CREDIT_LINE);
    }
}
