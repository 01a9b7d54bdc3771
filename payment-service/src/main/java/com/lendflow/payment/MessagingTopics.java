package com.lendflow.payment;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics payment-service consumes from and produces to. */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics paymentTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.PAYMENT_COMMANDS, Topics.PAYMENT_DISBURSEMENT,
                Topics.PAYMENT_REPAYMENT, Topics.CORE_LEDGER_LOAN, Topics.CORE_LEDGER_BUSINESS_DAY);
    }
}
