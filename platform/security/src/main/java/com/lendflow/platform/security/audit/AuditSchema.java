package com.lendflow.platform.security.audit;

import javax.sql.DataSource;
import com.lendflow.platform.web.PlatformSchema;

/**
 * Creates the audit table in each service's own database, in a schema of its own ({@code audit})
 * with its own migration history, so the platform's migrations never share version numbers
 * with a service's.
 */
public final class AuditSchema {

    public static final String SCHEMA = "audit";

    private AuditSchema() {
    }

    public static void migrate(DataSource dataSource) {
        PlatformSchema.migrate(dataSource, SCHEMA, "classpath:db/lendflow-audit");
    }
}
