package com.lendflow.benchmarks;

import com.lendflow.platform.web.ServiceApplication;
import com.lendflow.testsupport.SharedInfrastructure;
import com.lendflow.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Lendflow service for a benchmark the way its own {@code main} does, on test-support's
 * shared PostgreSQL (its own database) and Kafka, trusting test-support's token issuer; {@code extra}
 * adds the benchmark's own settings.
 */
final class BenchmarkService {

    private BenchmarkService() {
    }

    static ConfigurableApplicationContext start(Class<?> application, String name, String database, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + SharedInfrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + SharedInfrastructure.USER,
                "--spring.datasource.password=" + SharedInfrastructure.PASSWORD,
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwksUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "--lendflow.crypto.allow-dev-keys=true"));
        args.addAll(List.of(extra));
        return ServiceApplication.run(application, name, args.toArray(String[]::new));
    }

    /**
     * Runs a benchmark's body from {@code main}. Under exec:java an escaping exception is reported only
     * once every non-daemon thread ends, and the embedded Kafka broker's never do: say what failed and
     * stop instead of hanging.
     */
    static void exitOnFailure(Body body) {
        try {
            body.run();
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
    }

    interface Body {
        void run() throws Exception;
    }
}
