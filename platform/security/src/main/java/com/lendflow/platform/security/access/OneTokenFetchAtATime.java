package com.lendflow.platform.security.access;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * Lets one caller at a time ask for the service's token. Spring's manager fetches a new token for
 * every caller that finds none cached (or one near expiry), so a service taking its first calls
 * under load, or renewing under load, sent the auth server one client-credentials request per
 * in-flight call: hundreds at once, each a BCrypt check there, until they timed out and the calls
 * failed with 500 (seen at 300 quotes a second, issue 9). Behind the lock the first caller fetches
 * and the others find its token cached; with a valid token cached the lock is held for a map lookup.
 *
 * <p>A fetch that fails on the way (the connection to the auth server refused, reset or dropped, as
 * when it restarts) is tried again twice, after {@link #PAUSES}: a client-credentials request changes
 * nothing, and without this a dropped connection failed the caller's own request with 500 (seen in
 * the fault campaign, issue 10, on card binding). A refusal by the auth server itself (bad secret,
 * unknown client) is not retried.
 */
final class OneTokenFetchAtATime implements OAuth2AuthorizedClientManager {

    static final List<Duration> PAUSES = List.of(Duration.ofMillis(200), Duration.ofMillis(600));
    private static final Logger log = LoggerFactory.getLogger(OneTokenFetchAtATime.class);

    private final OAuth2AuthorizedClientManager manager;
    private final List<Duration> pauses;
    private final ReentrantLock lock = new ReentrantLock();

    OneTokenFetchAtATime(OAuth2AuthorizedClientManager manager) {
        this(manager, PAUSES);
    }

    OneTokenFetchAtATime(OAuth2AuthorizedClientManager manager, List<Duration> pauses) {
        this.manager = manager;
        this.pauses = List.copyOf(pauses);
    }

    @Override
    public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
        lock.lock();
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    return manager.authorize(request);
                } catch (RuntimeException e) {
                    if (attempt >= pauses.size() || !onTheWay(e)) {
                        throw e;
                    }
                    log.warn("fetching the service token failed on the way ({}); trying again in {} ms",
                            e.getMessage(), pauses.get(attempt).toMillis());
                    pause(pauses.get(attempt));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** An I/O failure somewhere in the causes: the request may never have reached the auth server. */
    static boolean onTheWay(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to fetch the service token again", e);
        }
    }
}
