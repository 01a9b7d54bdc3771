package com.lendflow.auth.client;

import java.util.Arrays;
import java.util.List;

/**
 * Who a client is, told by the one scope that only that kind of client holds. It travels in every
 * token as {@code client_kind}, so a resource server can refuse, say, a customer-facing token on an
 * internal API without keeping its own list of client ids.
 */
public enum ClientKind {

    /** The mobile app's backend, acting for customers. */
    APP("customer", "app"),
    /** A Lendflow service calling another one. */
    SERVICE("internal", "service"),
    /** A staff tool such as the ops console; staff sign in through it. */
    OPS_TOOL("ops", "ops-tool");

    private final String scope;
    private final String claimValue;

    ClientKind(String scope, String claimValue) {
        this.scope = scope;
        this.claimValue = claimValue;
    }

    public String scope() {
        return scope;
    }

    public String claimValue() {
        return claimValue;
    }

    public static ClientKind of(String clientId, List<String> scopes) {
        List<ClientKind> kinds = Arrays.stream(values()).filter(kind -> scopes.contains(kind.scope)).toList();
        if (kinds.size() != 1) {
            throw new IllegalArgumentException("client " + clientId + " has scopes " + scopes
                    + "; it needs exactly one of " + Arrays.stream(values()).map(ClientKind::scope).toList()
                    + " to say whether it is the app backend, a service or a staff tool");
        }
        return kinds.getFirst();
    }
}
