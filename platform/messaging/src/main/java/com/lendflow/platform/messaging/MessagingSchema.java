package com.lendflow.platform.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the outbox and inbox tables in each service's database, in a schema of their own
 * ({@code messaging}) with their own migration history, so a service's own migrations and
 * the platform's never share version numbers.
 */
public final class MessagingSchema {

    public static final String SCHEMA = "messaging";

    private MessagingSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .table("flyway_messaging_history")
                .locations("classpath:db/lendflow-messaging")
                .load()
                .migrate();
    }
}
