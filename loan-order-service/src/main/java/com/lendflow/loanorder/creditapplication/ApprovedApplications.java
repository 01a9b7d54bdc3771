package com.lendflow.loanorder.creditapplication;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may know of a customer's credit-line application: the latest approved one,
 * with the identity it was approved for and the signed bureau authorisation a drawdown's bureau
 * refresh is made under.
 */
@Component
public class ApprovedApplications {

    private final CreditApplications applications;

    ApprovedApplications(CreditApplications applications) {
        this.applications = applications;
    }

    @Transactional(readOnly = true)
    public Optional<Approved> latestOf(UUID customerId) {
        return applications.findApproved(customerId, ApplicationState.APPROVED).stream().findFirst()
                .map(a -> new Approved(a.id(), a.fullName(), a.idNumber(), a.mobile(), a.authorisationDocumentId(),
                        a.authorisationSha256(), a.authorisationSignedAt()));
    }

    /** {@link #toString()} never prints the identity. */
    public record Approved(UUID applicationId, String fullName, String idNumber, String mobile,
                           UUID authorisationDocumentId, String authorisationSha256, Instant authorisationSignedAt) {

        @Override
        public String toString() {
            return "Approved[applicationId=" + applicationId + "]";
        }
    }
}
