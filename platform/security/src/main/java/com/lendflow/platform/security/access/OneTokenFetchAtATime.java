package com.lendflow.platform.security.access;

import java.util.concurrent.locks.ReentrantLock;
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
 */
final class OneTokenFetchAtATime implements OAuth2AuthorizedClientManager {

    private final OAuth2AuthorizedClientManager manager;
    private final ReentrantLock lock = new ReentrantLock();

    OneTokenFetchAtATime(OAuth2AuthorizedClientManager manager) {
        this.manager = manager;
    }

    @Override
    public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
        lock.lock();
        try {
            return manager.authorize(request);
        } finally {
            lock.unlock();
        }
    }
}
