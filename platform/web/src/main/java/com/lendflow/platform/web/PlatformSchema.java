package com.lendflow.platform.web;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates a platform module's tables in each service's own database, in a schema of their own
 * with their own migration history ({@code flyway_<schema>_history}), so the platform's
 * migrations never share version numbers with a service's. Needs Flyway on the classpath.
 */
public final class PlatformSchema {

    private PlatformSchema() {
    }

    /**
     * @param schema   the module's schema, for example {@code audit}
     * @param location its migrations, for example {@code classpath:db/lendflow-audit}
     */
    public static void migrate(DataSource dataSource, String schema, String location) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .table("flyway_" + schema + "_history")
                .locations(location)
                .load()
                .migrate();
    }
}
