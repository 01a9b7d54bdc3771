package com.lendflow.auth.token;

/** The claims Lendflow adds to the registered JWT claims; resource servers read them by these names. */
public final class LendflowClaims {

    /** {@code app}, {@code service}, {@code ops-tool} or {@code staff}: who the token was issued to. */
    public static final String CLIENT_KIND = "client_kind";

    /** A staff token's roles, such as {@code ["OPS_AGENT"]}. */
    public static final String ROLES = "roles";

    /** The {@code client_kind} of a token issued to a member of staff. */
    public static final String STAFF = "staff";

    private LendflowClaims() {
    }
}
