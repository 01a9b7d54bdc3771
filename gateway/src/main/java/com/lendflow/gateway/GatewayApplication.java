package com.lendflow.gateway;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class GatewayApplication {

    public static final String NAME = "gateway";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(GatewayApplication.class);
        // Its own config name, like every service, so it can share a classpath with them.
        app.setDefaultProperties(Map.of("spring.config.name", NAME, "spring.application.name", NAME));
        return app.run(args);
    }
}
