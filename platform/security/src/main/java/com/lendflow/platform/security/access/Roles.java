package com.lendflow.platform.security.access;

/**
 * Staff roles, as the auth server puts them in a staff token's {@code roles} claim. Spring
 * Security sees them as {@code ROLE_<name>}; write {@code hasRole('OPS_SUPERVISOR')}.
 */
public final class Roles {

    /** Works cases and queues; requests extensions, waivers and write-offs but cannot approve them. */
    public static final String OPS_AGENT = "OPS_AGENT";
    /** Approves what agents request (maker-checker); never their own requests. */
    public static final String OPS_SUPERVISOR = "OPS_SUPERVISOR";
    /** Reads credit reports and decisions; maintains rules, blacklists and grade tables. */
    public static final String RISK_ANALYST = "RISK_ANALYST";
    /** Reads the ledger, reconciliation and reports; changes nothing in marketing or risk. */
    public static final String FINANCE = "FINANCE";
    /** Everything, including revealing personal data with a stated purpose. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
