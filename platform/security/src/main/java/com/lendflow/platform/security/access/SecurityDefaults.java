package com.lendflow.platform.security.access;

import com.lendflow.platform.web.ClasspathDefaults;

/**
 * Where every service finds the auth server's keys and what it expects of a token, and its own
 * identity for calls to other services, from {@code lendflow/security-defaults.properties}:
 * {@code LENDFLOW_AUTH_JWKS_URI} and {@code LENDFLOW_AUTH_ISSUER} point a deployment at its auth server.
 */
public class SecurityDefaults extends ClasspathDefaults {

    public SecurityDefaults() {
        super("lendflowSecurityDefaults", "lendflow/security-defaults.properties");
    }
}
