package com.lendflow.limit.creditline;

import static com.lendflow.platform.web.Amounts.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A credit line for operations staff: the line as the customer sees it, which application gave
 * it its terms, and every application's answer, newest first.
 */
public record CreditLineHistoryView(CreditLineView line, UUID grantedByApplication, List<GrantView> grants) {

    static CreditLineHistoryView of(CreditLine line, List<CreditLineGrant> grants, LocalDate today) {
        return new CreditLineHistoryView(CreditLineView.of(line, today), line.grantedByApplication(),
                grants.stream().map(GrantView::of).toList());
    }

    /**
     * One application's answer: what it asked for, the line before and after. A refused
     * application leaves the line as it was, so its {@code after} equals its {@code before}.
     */
    public record GrantView(UUID applicationId, String outcome, String refusalCode, String refusalReason,
                            Terms requested, LocalDate grantedOn, Terms before, Terms after, String occupied,
                            String reserved, Instant decidedAt) {

        static GrantView of(CreditLineGrant grant) {
            Terms before = new Terms(grant.beforeStatus(), text(grant.beforeLimit()), Rates.text(grant.beforeRate()),
                    grant.beforeGrade(), grant.beforeExpiresOn());
            Terms requested = new Terms(CreditLineStatus.ACTIVE, text(grant.creditLimit()), Rates.text(grant.annualRate()),
                    grant.grade(), grant.expiresOn());
            return new GrantView(grant.applicationId(), grant.outcome().name(),
                    grant.refusalCode() == null ? null : grant.refusalCode().name(), grant.refusalReason(), requested,
                    grant.grantedOn(), before, grant.isGranted() ? requested : before, text(grant.occupied()),
                    text(grant.reserved()), grant.decidedAt());
        }
    }

    /** A line's terms at one moment. */
    public record Terms(CreditLineStatus status, String creditLimit, String annualRate, String grade,
                        LocalDate expiresOn) {
    }
}
