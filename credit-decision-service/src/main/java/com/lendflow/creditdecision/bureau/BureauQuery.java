package com.lendflow.creditdecision.bureau;

import java.util.UUID;

/**
 * A report query about one person, made under their signed authorisation (the archived document
 * and its SHA-256). {@link #toString()} leaves the identity out.
 */
public record BureauQuery(String fullName, String idNumber, String mobile, UUID authorisationDocumentId,
                          String authorisationSha256, String queryReason) {

    /** 贷前审批: the reason a lender gives when it queries for a credit application. */
    public static final String CREDIT_APPROVAL = "CREDIT_APPROVAL";

    @Override
    public String toString() {
        return "BureauQuery[authorisationDocumentId=" + authorisationDocumentId + ", queryReason=" + queryReason + "]";
    }
}
