package com.lendflow.platform.messaging;

import com.lendflow.contracts.Topics;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messaging kit for every service that has a database and Kafka: outbox, relay, inbox and
 * dead-lettering. A context without a DataSource (the gateway) gets none of it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean({DataSource.class, KafkaTemplate.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    @Bean
    MessagingSchemaMigration messagingSchemaMigration(DataSource dataSource) {
        MessagingSchema.migrate(dataSource);
        return new MessagingSchemaMigration();
    }

    @Bean
    @ConditionalOnMissingBean
    EnvelopeCodec envelopeCodec(ObjectProvider<JsonMapper> jsonMapper) {
        return new EnvelopeCodec(jsonMapper.getIfAvailable(JsonMapper::new));
    }

    @Bean
    OutboxRelay outboxRelay(MessagingSchemaMigration schema, DataSource dataSource,
                            PlatformTransactionManager transactionManager, KafkaTemplate<?, ?> kafkaTemplate,
                            MessagingProperties properties) {
        return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
                stringTemplate(kafkaTemplate), properties.relay(), properties.retention());
    }

    @Bean
    Outbox outbox(MessagingSchemaMigration schema, DataSource dataSource, EnvelopeCodec codec,
                  OutboxRelay relay, ObjectProvider<Clock> clock) {
        return new Outbox(JdbcClient.create(dataSource), codec, clock.getIfAvailable(Clock::systemUTC), relay::wake);
    }

    @Bean
    Inbox inbox(MessagingSchemaMigration schema, DataSource dataSource, PlatformTransactionManager transactionManager,
                EnvelopeCodec codec) {
        return new Inbox(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), codec);
    }

    /** Bounded retries, then the dead-letter topic with the reason in its headers; malformed messages go at once. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<?, ?> kafkaTemplate, MessagingProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            log.error("giving up on {}-{}@{} after {} attempt(s), sending it to {}: {}", record.topic(),
                    record.partition(), record.offset(), properties.retryAttempts(),
                    Topics.deadLetterOf(record.topic()), rootMessage(exception));
            deadLetters.accept(record, exception);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryBackoff().toMillis(), Math.max(0, properties.retryAttempts() - 1)));
        handler.addNotRetryableExceptions(MalformedMessageException.class);
        return handler;
    }

    /** Idempotent producer with acknowledgement from every in-sync replica: a retried send is never a duplicate. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer idempotentProducer() {
        return factory -> factory.updateConfigs(java.util.Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    @SuppressWarnings("unchecked")
    private static KafkaOperations<String, String> stringTemplate(KafkaTemplate<?, ?> template) {
        return (KafkaOperations<String, String>) template;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Marker that the messaging schema is in place; beans that touch it depend on this. */
    static final class MessagingSchemaMigration {
    }
}
