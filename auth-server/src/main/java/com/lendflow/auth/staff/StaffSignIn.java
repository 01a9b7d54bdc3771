package com.lendflow.auth.staff;

import com.lendflow.auth.AuthSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The staff of lendflow.auth.staff and the pieces of the staff-password grant. */
@Configuration(proxyBeanMethods = false)
class StaffSignIn {

    /** As a bean it also keeps Spring Boot from inventing a default user with a logged password. */
    @Bean
    UserDetailsService staffDirectory(AuthSettings settings) {
        return new InMemoryUserDetailsManager(settings.staff().stream()
                .map(staff -> User.withUsername(staff.username())
                        .password(staff.password())
                        .authorities(staff.staffRoles().stream().map(StaffRole::name).toArray(String[]::new))
                        .build())
                .toList());
    }

    /** The converter and provider to register on the token endpoint. */
    @Bean
    StaffPasswordGrantEndpoint staffPasswordGrantEndpoint(UserDetailsService staffDirectory,
                                                          PasswordEncoder passwordEncoder,
                                                          OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(staffDirectory);
        passwords.setPasswordEncoder(passwordEncoder);
        return new StaffPasswordGrantEndpoint(new StaffPasswordAuthenticationConverter(),
                new StaffPasswordAuthenticationProvider(passwords, tokenGenerator));
    }
}
