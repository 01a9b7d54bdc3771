package com.lendflow.loanorder.creditapplication;

import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import com.lendflow.platform.web.privacy.Mask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credit applications as ops staff see them: searchable, personal data masked, and each with its
 * whole history (every step, every message sent and received, every reason given) so anyone can
 * explain what happened to an application and why.
 */
@RestController
@RequestMapping("/ops/v1/credit-applications")
@PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
class CreditApplicationOpsController {

    private static final int MAX_PAGE_SIZE = 100;

    private final CreditApplicationSearch search;
    private final CreditApplications applications;
    private final Timelines timelines;

    CreditApplicationOpsController(CreditApplicationSearch search, CreditApplications applications, Timelines timelines) {
        this.search = search;
        this.applications = applications;
        this.timelines = timelines;
    }

    @GetMapping
    ApplicationPage list(@RequestParam(required = false) ApplicationState state,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                         @RequestParam(required = false) UUID customerId,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new FieldViolation("page", "Min", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "Range", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new FieldViolation("to", "after-from", "must be after from"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        CreditApplicationSearch.Found found = search.search(
                new CreditApplicationSearch.Criteria(state, from, to, customerId, page, size));
        return new ApplicationPage(found.applications().stream().map(ApplicationSummary::of).toList(), page, size,
                found.total(), (int) ((found.total() + size - 1) / size));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ApplicationDetail application(@PathVariable UUID id) {
        CreditApplication application = applications.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("Credit application", id));
        return ApplicationDetail.of(application, timelines.of(id));
    }

    record ApplicationPage(List<ApplicationSummary> items, int page, int size, long totalItems, int totalPages) {
    }

    /** One application in a list; the applicant masked. */
    record ApplicationSummary(UUID id, UUID customerId, String applicantName, String applicantMobile,
                              String applicantIdNumber, ApplicationState state, Step step, int attempts,
                              String reasonCode, Instant submittedAt, Instant updatedAt, Instant concludedAt) {

        static ApplicationSummary of(CreditApplication a) {
            return new ApplicationSummary(a.id(), a.customerId(), Mask.name(a.fullName()), Mask.mobile(a.mobile()),
                    Mask.idNumber(a.idNumber()), a.state(), a.step(), a.attempts(), a.reasonCode(), a.submittedAt(),
                    a.updatedAt(), a.concludedAt());
        }
    }

    /**
     * One application in full: where it stands, what each service said, and its timeline.
     *
     * @param reason       why it was rejected or failed, for staff; never shown to the customer
     * @param stepDeadline when the awaited step's reply is overdue
     */
    record ApplicationDetail(ApplicationSummary application, Instant stepStartedAt, Instant stepDeadline, String reason,
                             Authorisation authorisation, Fraud fraud, Decision decision,
                             List<TimelineLine> timeline) {

        static ApplicationDetail of(CreditApplication a, List<TimelineEntry> timeline) {
            return new ApplicationDetail(ApplicationSummary.of(a), a.stepStartedAt(), a.stepDeadline(), a.reason(),
                    a.authorisationDocumentId() == null ? null
                            : new Authorisation(a.authorisationDocumentId(), a.authorisationSha256(), a.authorisationSignedAt()),
                    a.fraudAssessmentId() == null ? null : new Fraud(a.fraudAssessmentId(), a.fraudResult(), a.fraudScore()),
                    a.decisionId() == null ? null : new Decision(a.decisionId(), a.riskGrade(),
                            a.creditLimit() == null ? null : Amounts.text(a.creditLimit()), Rates.text(a.annualRate()),
                            a.expiresOn()),
                    timeline.stream().map(TimelineLine::of).toList());
        }
    }

    record Authorisation(UUID documentId, String sha256, Instant signedAt) {
    }

    record Fraud(UUID assessmentId, String result, Integer score) {
    }

    record Decision(UUID decisionId, String riskGrade, String creditLimit, String annualRate, LocalDate expiresOn) {
    }

    record TimelineLine(Instant at, TimelineEntry.Kind kind, ApplicationState state, Step step, String messageType,
                        UUID messageId, Integer attempt, String note, Map<String, Object> details) {

        static TimelineLine of(TimelineEntry entry) {
            return new TimelineLine(entry.at(), entry.kind(), entry.state(), entry.step(), entry.messageType(),
                    entry.messageId(), entry.attempt(), entry.note(), entry.details());
        }
    }
}
