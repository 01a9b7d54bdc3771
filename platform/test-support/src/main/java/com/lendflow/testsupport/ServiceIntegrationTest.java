package com.lendflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A test of a whole service, started through its own {@code main} on a random port, against
 * its own database in the shared real PostgreSQL and the shared real Kafka broker. Tests with
 * the same database share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
@RealInfrastructure(database = "")
public @interface ServiceIntegrationTest {

    /** The service's database in the shared server, for example {@code lendflow_limit}. */
    @AliasFor(annotation = RealInfrastructure.class)
    String database();
}
