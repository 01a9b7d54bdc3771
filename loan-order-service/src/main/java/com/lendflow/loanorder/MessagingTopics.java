package com.lendflow.loanorder;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics loan-order-service publishes to. */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics loanOrderTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.LOAN_ORDER_CUSTOMER);
    }
}
