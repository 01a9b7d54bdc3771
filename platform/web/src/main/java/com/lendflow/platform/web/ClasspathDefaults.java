package com.lendflow.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Settings a platform module gives every service that uses it, from a properties file on the
 * classpath, added with the lowest precedence so a service's yml and any environment variable
 * override each of them.
 */
public abstract class ClasspathDefaults implements EnvironmentPostProcessor {

    private final String sourceName;
    private final String resource;

    protected ClasspathDefaults(String sourceName, String resource) {
        this.sourceName = sourceName;
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(sourceName)) {
            return;
        }
        try {
            new PropertiesPropertySourceLoader()
                    .load(sourceName, new ClassPathResource(resource))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
