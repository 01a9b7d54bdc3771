package com.lendflow.auth;

import com.lendflow.auth.client.ClientKind;
import com.lendflow.auth.staff.StaffRole;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the authorisation server issues and to whom ({@code lendflow.auth.*} in auth-server.yml).
 * Every mistake here stops the server at startup with a message naming the setting, rather than
 * surfacing later as a refused login.
 *
 * @param issuer         the {@code iss} of every token and the base of the metadata document
 * @param audience       the single {@code aud} of every token: the Lendflow APIs
 * @param accessTokenTtl how long an access token is valid
 * @param signingKey     PEM-encoded PKCS#8 RSA private key; absent means a key generated at startup
 * @param signingKeyId   the {@code kid} of that key
 */
@ConfigurationProperties("lendflow.auth")
public record AuthSettings(
        String issuer,
        String audience,
        Duration accessTokenTtl,
        String signingKey,
        String signingKeyId,
        List<Client> clients,
        List<Staff> staff) {

    /** {noop} for local runs, {bcrypt} wherever the value is a real secret. */
    private static final Pattern ENCODED_SECRET = Pattern.compile("^\\{(noop|bcrypt)}.+");

    public AuthSettings {
        issuer = required("lendflow.auth.issuer", issuer);
        audience = required("lendflow.auth.audience", audience);
        if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("lendflow.auth.access-token-ttl must be a positive duration, such as 15m");
        }
        if (signingKey != null && signingKey.isBlank()) {
            signingKey = null;
        }
        clients = clients == null ? List.of() : List.copyOf(clients);
        staff = staff == null ? List.of() : List.copyOf(staff);
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("lendflow.auth.clients is empty: no one could get a token");
        }
        refuseDuplicates("client id", clients.stream().map(Client::id).toList());
        refuseDuplicates("staff username", staff.stream().map(Staff::username).toList());
    }

    @Override
    public String toString() {
        return "AuthSettings[issuer=" + issuer + ", audience=" + audience + ", accessTokenTtl=" + accessTokenTtl
                + ", signingKeyId=" + signingKeyId + ", clients=" + clients + ", staff=" + staff + "]";
    }

    /**
     * A caller of the token endpoint: the app backend, a Lendflow service or a staff tool.
     *
     * @param scopes exactly one of {@code customer}, {@code internal}, {@code ops} says which kind
     *               of client it is (see {@link ClientKind})
     */
    public record Client(String id, String secret, List<String> scopes) {

        public Client {
            id = required("lendflow.auth.clients[].id", id);
            secret = encoded("client " + id + ": secret", secret);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            ClientKind.of(id, scopes);
        }

        public ClientKind kind() {
            return ClientKind.of(id, scopes);
        }

        @Override
        public String toString() {
            return "Client[id=" + id + ", scopes=" + scopes + "]";
        }
    }

    /** A member of operations staff who signs in through the ops console. */
    public record Staff(String username, String password, List<String> roles) {

        public Staff {
            username = required("lendflow.auth.staff[].username", username);
            password = encoded("staff " + username + ": password", password);
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("staff " + username + " has no roles; give one or more of "
                        + StaffRole.names());
            }
            roles = List.copyOf(roles);
            for (String role : roles) {
                StaffRole.of(username, role);
            }
        }

        public List<StaffRole> staffRoles() {
            return roles.stream().map(role -> StaffRole.of(username, role)).toList();
        }

        @Override
        public String toString() {
            return "Staff[username=" + username + ", roles=" + roles + "]";
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    private static String encoded(String what, String value) {
        if (value == null || !ENCODED_SECRET.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must start with {noop} or {bcrypt}");
        }
        return value;
    }

    private static void refuseDuplicates(String what, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException(what + " " + value + " is configured twice");
            }
        }
    }
}
