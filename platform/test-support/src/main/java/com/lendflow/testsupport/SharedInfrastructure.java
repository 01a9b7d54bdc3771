package com.lendflow.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real PostgreSQL server and one real Kafka broker (KRaft) per test JVM, started on first
 * use and stopped when the JVM exits. Each service gets its own database in the shared server.
 */
public final class SharedInfrastructure {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;
    private static final Set<String> databases = new HashSet<>();

    private SharedInfrastructure() {
    }

    /** A JDBC URL for {@code database}, created on first request. */
    public static synchronized String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        EmbeddedPostgres server = postgres();
        if (databases.add(database)) {
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database " + database);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // already exists
                    throw new IllegalStateException("cannot create test database " + database, e);
                }
            }
        }
        return server.getJdbcUrl(USER, database);
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            // Like production: topics exist only when a service declares them.
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "false",
                    "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            kafka = broker;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(broker::destroy));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized EmbeddedKafkaKraftBroker kafka() {
        kafkaBootstrapServers();
        return kafka;
    }

    private static EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
        }
        return postgres;
    }
}
