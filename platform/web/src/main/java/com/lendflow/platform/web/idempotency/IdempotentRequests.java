package com.lendflow.platform.web.idempotency;

import com.lendflow.platform.web.ApiProblem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a POST safe to retry. The caller's {@code Idempotency-Key} is claimed in the same
 * transaction as the change the request makes, and the response is stored with it:
 * <ul>
 *   <li>a retry with the same key and the same request gets the stored response again, and
 *       nothing happens twice;</li>
 *   <li>the same key with a different request is refused with 409;</li>
 *   <li>two identical requests racing each other: the second waits for the first's commit, then
 *       gets its response;</li>
 *   <li>a request that fails (any exception) stores nothing, so it can be retried with the same key.</li>
 * </ul>
 * Keys are scoped to the authenticated caller, so two clients cannot collide or read each other's answers.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_\\-:.]{8,100}$");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    public IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Runs {@code action} once per key and request.
     *
     * @param key     the caller's Idempotency-Key header
     * @param request the request as received (its JSON form is the fingerprint)
     * @param action  the use case; it joins this method's transaction
     */
    public ResponseEntity<?> execute(String key, Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid request",
                    HEADER + ": must be 8 to 100 letters, digits, '-', '_', ':' or '.'");
        }
        String caller = caller();
        String fingerprint = fingerprint(request);
        return transactions.execute(status -> {
            int claimed = jdbc.sql("""
                    insert into idempotency.idempotent_request (caller, idempotency_key, fingerprint, status)
                    values (?, ?, ?, 0)
                    on conflict do nothing
                    """).param(caller).param(key).param(fingerprint).update();
            if (claimed == 0) {
                return replay(caller, key, fingerprint);
            }
            ResponseEntity<?> response = action.get();
            URI location = response.getHeaders().getLocation();
            jdbc.sql("""
                    update idempotency.idempotent_request set status = ?, body = ?, location = ?
                    where caller = ? and idempotency_key = ?
                    """)
                    .param(response.getStatusCode().value())
                    .param(response.getBody() == null ? null : json.writeValueAsString(response.getBody()))
                    .param(location == null ? null : location.toString())
                    .param(caller).param(key)
                    .update();
            return response;
        });
    }

    private ResponseEntity<?> replay(String caller, String key, String fingerprint) {
        Stored stored = jdbc.sql("""
                select fingerprint, status, body, location from idempotency.idempotent_request
                where caller = ? and idempotency_key = ?
                """).param(caller).param(key)
                .query((rs, n) -> new Stored(rs.getString("fingerprint"), rs.getInt("status"), rs.getString("body"),
                        rs.getString("location")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("idempotency key vanished while being replayed"));
        if (!stored.fingerprint().equals(fingerprint)) {
            throw ApiProblem.conflict("idempotency-key-reused",
                    HEADER + " " + key + " was already used for a different request; use a new key for a new request");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status()).header("Idempotent-Replayed", "true");
        Optional.ofNullable(stored.location()).ifPresent(location -> builder.location(URI.create(location)));
        if (stored.body() == null) {
            return builder.build();
        }
        return builder.contentType(MediaType.APPLICATION_JSON).body(json.readTree(stored.body()));
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (requestLine() + "\n" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requestLine() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI();
        }
        return "";
    }

    private static String caller() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            Principal principal = attributes.getRequest().getUserPrincipal();
            if (principal != null) {
                return principal.getName();
            }
        }
        return "anonymous";
    }

    /**
     * Forgets keys older than {@code retention}, in bounded batches. A retry later than that is a
     * new request; clients retry within minutes, and the stored responses stop piling up.
     *
     * @return keys forgotten
     */
    public int forgetOlderThan(java.time.Duration retention) {
        int forgotten = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                    delete from idempotency.idempotent_request where ctid in (
                        select ctid from idempotency.idempotent_request
                        where created_at < now() - make_interval(secs => ?)
                        limit 10000)
                    """).param(retention.toSeconds()).update();
            forgotten += batch;
        } while (batch == 10_000);
        return forgotten;
    }

    private record Stored(String fingerprint, int status, String body, String location) {
    }
}
