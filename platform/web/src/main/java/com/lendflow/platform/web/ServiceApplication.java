package com.lendflow.platform.web;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Lendflow service. Each service reads its settings from {@code <service name>.yml}
 * (not {@code application.yml}), so the local stack can put every service on one classpath
 * without one service picking up another's configuration. Environment variables override the
 * yml as usual.
 */
public final class ServiceApplication {

    private ServiceApplication() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String serviceName, String... args) {
        SpringApplication app = new SpringApplication(application);
        app.setDefaultProperties(Map.of(
                "spring.config.name", serviceName,
                "spring.application.name", serviceName));
        return app.run(args);
    }
}
