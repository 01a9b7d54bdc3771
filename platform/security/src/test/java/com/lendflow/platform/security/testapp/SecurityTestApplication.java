package com.lendflow.platform.security.testapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service with a database and JPA, to exercise the security kit as services use it.
 * It lives in a package of its own so component scanning does not also pick up the kit's
 * auto-configured beans.
 */
@SpringBootApplication
public class SecurityTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(SecurityTestApplication.class, args);
    }
}
