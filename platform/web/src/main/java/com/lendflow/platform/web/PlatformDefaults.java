package com.lendflow.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every Lendflow service shares (actuator exposure, probes, JSON logs, graceful
 * shutdown), added with the lowest precedence so a service's own yml and any environment
 * variable override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "lendflowPlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            new PropertiesPropertySourceLoader()
                    .load(SOURCE_NAME, new ClassPathResource("lendflow/platform-defaults.properties"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
