package com.lendflow.auth.staff;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The grant by which a member of staff signs in through a staff tool: the tool authenticates as
 * itself (HTTP basic, as for any grant) and sends the staff member's {@code username} and
 * {@code password} as form parameters. Our own grant rather than OAuth's deprecated
 * {@code password} grant, so it is only ever open to the clients we register it on.
 */
public final class StaffPasswordGrant {

    public static final AuthorizationGrantType TYPE =
            new AuthorizationGrantType("urn:lendflow:params:oauth:grant-type:staff-password");

    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    private StaffPasswordGrant() {
    }
}
