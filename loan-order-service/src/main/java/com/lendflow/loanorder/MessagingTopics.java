package com.lendflow.loanorder;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.MessagingProperties;
import com.lendflow.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics loan-order-service publishes to (its own events and the saga's commands) and
 * consumes from (the saga's replies). Declaring both sides means whichever service starts first
 * finds its topics.
 */
@Configuration(proxyBeanMethods = false)
class MessagingTopics {

    @Bean
    KafkaAdmin.NewTopics loanOrderTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(messaging.partitions(), Topics.LOAN_ORDER_CUSTOMER, Topics.LOAN_ORDER_CREDIT_APPLICATION,
                Topics.ESIGN_COMMANDS, Topics.ANTIFRAUD_COMMANDS, Topics.CREDIT_DECISION_COMMANDS, Topics.LIMIT_COMMANDS,
                Topics.ESIGN_DOCUMENT, Topics.ANTIFRAUD_ASSESSMENT, Topics.CREDIT_DECISION_DECISION, Topics.LIMIT_CREDIT_LINE,
                // The drawdown saga's own topic, its further commands and their replies.
                Topics.LOAN_ORDER_DRAWDOWN, Topics.MARKETING_COMMANDS, Topics.FUNDING_COMMANDS, Topics.PAYMENT_COMMANDS,
                Topics.CORE_LEDGER_COMMANDS, Topics.MARKETING_COUPON, Topics.FUNDING_POSITION, Topics.PAYMENT_DISBURSEMENT,
                Topics.CORE_LEDGER_LOAN,
                // The loan's repayments, for the customer's SMS.
                Topics.PAYMENT_REPAYMENT);
    }
}
