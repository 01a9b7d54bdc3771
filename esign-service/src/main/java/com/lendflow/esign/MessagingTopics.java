package com.lendflow.esign;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics esign-service consumes from and produces to. */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics esignTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.ESIGN_COMMANDS, Topics.ESIGN_DOCUMENT,
                // core-ledger's loan events: a settled loan gets its certificate.
                Topics.CORE_LEDGER_LOAN);
    }
}
