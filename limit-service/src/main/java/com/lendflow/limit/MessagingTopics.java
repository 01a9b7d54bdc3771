package com.lendflow.limit;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics limit-service consumes from and produces to. */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics limitTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.LOAN_ORDER_CUSTOMER, Topics.LIMIT_COMMANDS,
                Topics.LIMIT_CREDIT_LINE, Topics.CORE_LEDGER_LOAN);
    }
}
