package com.lendflow.coreledger;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics core-ledger-service publishes to and the one it consumes repayments from. */
@Configuration(proxyBeanMethods = false)
class ServicingTopics {

    @Bean
    KafkaAdmin.NewTopics coreLedgerTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.CORE_LEDGER_LOAN, Topics.PAYMENT_REPAYMENT,
                Topics.CORE_LEDGER_COMMANDS, Topics.CORE_LEDGER_BUSINESS_DAY);
    }
}
