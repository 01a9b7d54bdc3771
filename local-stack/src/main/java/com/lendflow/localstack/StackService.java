package com.lendflow.localstack;

import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One service of the suite as the local stack runs it.
 *
 * @param name     the module name, also its config file name
 * @param port     its HTTP port
 * @param database its database, or null for a service that keeps none
 * @param starter  starts it the same way its own {@code main} does, with extra arguments
 */
record StackService(String name, int port, String database,
                    Function<String[], ConfigurableApplicationContext> starter) {

    boolean hasDatabase() {
        return database != null;
    }
}
