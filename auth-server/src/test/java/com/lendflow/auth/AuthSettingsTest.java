package com.lendflow.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {

    @Test
    void theServerRefusesToStartWhenAStaffMemberHasAnUnknownRole() {
        assertThatThrownBy(() -> AuthServerApplication.start("--server.port=0",
                "--lendflow.auth.staff[0].username=boss",
                "--lendflow.auth.staff[0].password={noop}boss-password",
                "--lendflow.auth.staff[0].roles[0]=SUPERUSER"))
                .rootCause()
                .hasMessage("staff boss has role 'SUPERUSER'; roles are one of "
                        + "[OPS_AGENT, OPS_SUPERVISOR, RISK_ANALYST, FINANCE, ADMIN]");
    }

    @Test
    void aClientMustSayWhetherItIsTheAppAServiceOrAStaffTool() {
        assertThatThrownBy(() -> new AuthSettings.Client("reporting", "{noop}reporting-secret", List.of("read")))
                .hasMessageContaining("client reporting has scopes [read]; it needs exactly one of [customer, internal, ops]");
        assertThatThrownBy(() -> new AuthSettings.Client("confused", "{noop}confused-secret", List.of("internal", "ops")))
                .hasMessageContaining("needs exactly one of");
    }

    @Test
    void aSecretMustNameItsEncoding() {
        assertThatThrownBy(() -> new AuthSettings.Client("app-backend", "app-backend-secret", List.of("customer")))
                .hasMessage("client app-backend: secret must start with {noop} or {bcrypt}");
        assertThatThrownBy(() -> new AuthSettings.Staff("agent", "agent-password", List.of("OPS_AGENT")))
                .hasMessage("staff agent: password must start with {noop} or {bcrypt}");
    }
}
