package com.lendflow.platform.security.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of every service with a database: its table (migrated here, in schema
 * {@code audit}), {@link AuditTrail} to write, {@link AuditRecords} to search, and in servlet
 * applications the search endpoint. A context without a DataSource (the gateway) gets none.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
public class AuditAutoConfiguration {

    @Bean
    AuditSchemaMigration auditSchemaMigration(DataSource dataSource) {
        AuditSchema.migrate(dataSource);
        return new AuditSchemaMigration();
    }

    /** JdbcClient on the service's DataSource joins whatever transaction the caller runs in. */
    @Bean
    AuditTrail auditTrail(AuditSchemaMigration schema, DataSource dataSource, ObjectProvider<JsonMapper> json,
                          ObjectProvider<Clock> clock, ObjectProvider<AuditActorSource> actors,
                          @Value("${spring.application.name:unnamed-service}") String service) {
        return new AuditTrail(JdbcClient.create(dataSource), json.getIfAvailable(JsonMapper::new),
                clock.getIfAvailable(Clock::systemUTC), actors.getIfAvailable(() -> AuditActorSource.NONE), service);
    }

    @Bean
    AuditRecords auditRecords(AuditSchemaMigration schema, DataSource dataSource, ObjectProvider<JsonMapper> json) {
        return new AuditRecords(JdbcClient.create(dataSource), json.getIfAvailable(JsonMapper::new));
    }

    /** Who acts is whoever Spring Security authenticated, when the service uses it; otherwise "system". */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
    static class SecurityContextActors {

        @Bean
        @ConditionalOnMissingBean
        AuditActorSource auditActorSource() {
            return new SecurityContextActorSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestController")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class SearchEndpoint {

        @Bean
        AuditController auditController(AuditRecords records) {
            return new AuditController(records);
        }
    }

    /** Marker that the audit schema is in place; beans that touch it depend on this. */
    static final class AuditSchemaMigration {
    }
}
