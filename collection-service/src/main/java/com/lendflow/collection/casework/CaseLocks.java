package com.lendflow.collection.casework;

import com.lendflow.collection.CollectionSettings;
import com.lendflow.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's lock on a case while they work it: another agent's attempt is refused (409) until the
 * holder releases it or it expires ({@code lendflow.collection.lock-ttl}); taking it again renews it.
 */
@Component
public class CaseLocks {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Clock clock;
    private final CollectionSettings settings;

    CaseLocks(JdbcClient jdbc, Cases cases, Clock clock, CollectionSettings settings) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.settings = settings;
    }

    public record Lock(UUID caseId, String holder, Instant expiresAt) {
    }

    /** Takes or renews the lock for {@code user}; the caller has locked the case's customer. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Lock acquire(UUID caseId, String user) {
        CollectionCase found = cases.find(caseId).orElseThrow(() -> ApiProblem.notFound("Collection case", caseId));
        if (!found.open()) {
            throw ApiProblem.conflict("case-closed", "the case closed on " + found.closedOn() + " (" + found.closeReason() + ")");
        }
        Instant now = clock.instant();
        String holder = found.lockHolderAt(now);
        if (holder != null && !holder.equals(user)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "case-locked", "Case locked",
                    "the case is being worked by " + holder + " until " + found.lockExpiresAt()
                            + "; try again when they release it");
        }
        Instant expires = now.plus(settings.lockTtl());
        jdbc.sql("update collection_case set lock_holder = ?, lock_expires_at = ? where id = ?")
                .params(user, Cases.at(expires), caseId).update();
        return new Lock(caseId, user, expires);
    }

    /** Releases the lock if {@code user} holds it (or {@code force}, for a supervisor). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID caseId, String user, boolean force) {
        CollectionCase found = cases.find(caseId).orElseThrow(() -> ApiProblem.notFound("Collection case", caseId));
        String holder = found.lockHolderAt(clock.instant());
        if (holder == null) {
            return;
        }
        if (!holder.equals(user) && !force) {
            throw new ApiProblem(HttpStatus.CONFLICT, "case-locked", "Case locked",
                    "the lock is held by " + holder + "; only they or a supervisor can release it");
        }
        jdbc.sql("update collection_case set lock_holder = null, lock_expires_at = null where id = ?").param(caseId).update();
    }
}
