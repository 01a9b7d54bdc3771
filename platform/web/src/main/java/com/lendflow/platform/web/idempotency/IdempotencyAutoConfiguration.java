package com.lendflow.platform.web.idempotency;

import com.lendflow.platform.web.PlatformSchema;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys for services with a database. The table lives in its own schema
 * ({@code idempotency}) with its own migration history, like the messaging tables.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({JdbcClient.class, Flyway.class})
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotentRequests idempotentRequests(DataSource dataSource, PlatformTransactionManager transactionManager,
                                          ObjectProvider<JsonMapper> json) {
        PlatformSchema.migrate(dataSource, "idempotency", "classpath:db/lendflow-idempotency");
        return new IdempotentRequests(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
                json.getIfAvailable(JsonMapper::new));
    }

    /** Forgets idempotency keys past {@code lendflow.web.idempotency.retention} (7 days), every hour. */
    @Bean
    IdempotencyHousekeeping idempotencyHousekeeping(IdempotentRequests requests,
            @Value("${lendflow.web.idempotency.retention:7d}") Duration retention,
            @Value("${lendflow.web.idempotency.housekeeping-every:1h}") Duration every) {
        return new IdempotencyHousekeeping(requests, retention, every);
    }
}
