package com.lendflow.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Points a test marked {@link RealInfrastructure} at the shared PostgreSQL and Kafka. */
public class RealInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        RealInfrastructure test = TestContextAnnotationUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
        return test == null ? null : new Infrastructure(test.database());
    }

    private record Infrastructure(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("lendflowTestInfrastructure", Map.of(
                    "spring.datasource.url", SharedInfrastructure.jdbcUrl(database),
                    "spring.datasource.username", SharedInfrastructure.USER,
                    "spring.datasource.password", SharedInfrastructure.PASSWORD,
                    "spring.kafka.bootstrap-servers", SharedInfrastructure.kafkaBootstrapServers(),
                    "lendflow.messaging.retry-backoff", "50ms",
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri(),
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER,
                    "lendflow.crypto.allow-dev-keys", "true")));
        }
    }
}
