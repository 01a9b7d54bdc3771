package com.lendflow.platform.security.access;

/** Token scopes. Spring Security sees them as {@code SCOPE_<name>}. */
public final class Scopes {

    /** The app backend acting for one customer, named in {@code X-Customer-Id}. */
    public static final String CUSTOMER = "customer";
    /** Staff, through the ops console; what they may do is decided by their roles. */
    public static final String OPS = "ops";
    /** A Lendflow service calling another. */
    public static final String INTERNAL = "internal";

    private Scopes() {
    }
}
