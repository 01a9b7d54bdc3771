package com.lendflow.collection;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics collection-service uses: core-ledger's loan facts (cases open, move and close from them;
 * early warnings count days past due from them) and business-day changes (the daily run starts from
 * them); limit-service's commands and answers (early warnings freeze, lower and unfreeze lines); and
 * core-ledger's commands (approved adjustments).
 */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics collectionTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.CORE_LEDGER_LOAN, Topics.CORE_LEDGER_BUSINESS_DAY,
                Topics.LIMIT_COMMANDS, Topics.LIMIT_CREDIT_LINE, Topics.CORE_LEDGER_COMMANDS);
    }
}
