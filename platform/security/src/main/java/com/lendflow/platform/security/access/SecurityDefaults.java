package com.lendflow.platform.security.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Where every service finds the auth server's keys and what it expects of a token, added with
 * the lowest precedence: {@code LENDFLOW_AUTH_JWKS_URI} and {@code LENDFLOW_AUTH_ISSUER} point a
 * deployment at its auth server.
 */
public class SecurityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "lendflowSecurityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            new PropertiesPropertySourceLoader()
                    .load(SOURCE_NAME, new ClassPathResource("lendflow/security-defaults.properties"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
