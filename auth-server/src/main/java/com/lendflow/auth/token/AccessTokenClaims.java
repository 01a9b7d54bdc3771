package com.lendflow.auth.token;

import com.lendflow.auth.client.ClientKind;
import com.lendflow.auth.staff.StaffPasswordGrant;
import com.lendflow.auth.staff.StaffRole;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Turns Spring Authorization Server's default access token into Lendflow's: one audience for
 * every Lendflow API (the default would be the client id, which no resource server expects), and
 * who the token is for. {@code sub}, {@code iss}, {@code exp}, {@code scope} keep their defaults:
 * the client id or staff username, the configured issuer, the configured lifetime, the granted scopes.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final String audience;

    AccessTokenClaims(String audience) {
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        context.getClaims().audience(List.of(audience));
        if (StaffPasswordGrant.TYPE.equals(context.getAuthorizationGrantType())) {
            context.getClaims()
                    .claim(LendflowClaims.CLIENT_KIND, LendflowClaims.STAFF)
                    .claim(LendflowClaims.ROLES, StaffRole.namesIn(context.getPrincipal().getAuthorities()));
        } else {
            ClientKind kind = ClientKind.of(context.getRegisteredClient().getClientId(),
                    List.copyOf(context.getRegisteredClient().getScopes()));
            context.getClaims().claim(LendflowClaims.CLIENT_KIND, kind.claimValue());
        }
    }
}
