package com.lendflow.auth.staff;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The staff-password grant's converter and provider, for the token endpoint to register. Not
 * beans of their own: an AuthenticationProvider bean would also be offered to every other login.
 */
public record StaffPasswordGrantEndpoint(AuthenticationConverter converter, AuthenticationProvider provider) {
}
