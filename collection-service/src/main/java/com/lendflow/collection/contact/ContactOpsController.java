package com.lendflow.collection.contact;

import com.lendflow.collection.casework.CaseLocks;
import com.lendflow.collection.casework.Cases;
import com.lendflow.collection.casework.CollectionCase;
import com.lendflow.collection.casework.CollectionDay;
import com.lendflow.collection.casework.CustomerLocks;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import com.lendflow.platform.web.privacy.Mask;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agent logs a contact with the borrower of a case: the call's outcome, a note, and a promise to
 * pay. The compliance rules are checked before anything is kept: only the borrower may be contacted,
 * on their own mobile (compared with loan-order's record, never stored whole); not in quiet hours;
 * not beyond the daily cap. A request without {@code mobile} is a call to the mobile on record, placed
 * by the contact centre's dialler, so the agent never needs the whole number (the console sends none);
 * a mobile that is given must be the borrower's own, a third party's is refused. Logging takes (or
 * renews) the agent's lock on the case; a case another agent is working is refused with 409.
 */
@RestController
class ContactOpsController {

    private static final Set<String> OUTCOMES = Set.of("ANSWERED", "NO_ANSWER", "PROMISED_TO_PAY", "REFUSED_TO_PAY",
            "CALLBACK_REQUESTED", "WRONG_NUMBER");

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseLocks locks;
    private final CustomerLocks customers;
    private final Compliance compliance;
    private final BorrowerContacts borrowers;
    private final CollectionDay day;
    private final TransactionTemplate transactions;

    ContactOpsController(JdbcClient jdbc, Cases cases, CaseLocks locks, CustomerLocks customers, Compliance compliance,
                         BorrowerContacts borrowers, CollectionDay day, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.locks = locks;
        this.customers = customers;
        this.compliance = compliance;
        this.borrowers = borrowers;
        this.day = day;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    record PromiseRequest(LocalDate date, BigDecimal amount) {
    }

    /** {@code party}: who was contacted; only BORROWER is allowed. {@code mobile}: the number dialled, or none for the one on record. */
    record ContactRequest(String party, String mobile, String outcome, String note, PromiseRequest promise) {

        @Override
        public String toString() {
            return "ContactRequest[party=" + party + ", mobile=" + Mask.mobile(mobile) + ", outcome=" + outcome + "]";
        }
    }

    record PromiseView(UUID id, LocalDate date, String amount, String state) {
    }

    record ContactView(UUID id, UUID caseId, String agentId, String channel, String party, String mobile, String outcome,
                       String note, Instant contactedAt, PromiseView promise) {
    }

    @PostMapping("/ops/v1/collection/cases/{caseId}/contacts")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR')")
    ResponseEntity<ContactView> log(@PathVariable UUID caseId, @RequestBody ContactRequest request, Authentication staff) {
        LocalDate today = day.today();
        validate(request, today);
        CollectionCase found = cases.find(caseId).orElseThrow(() -> ApiProblem.notFound("Collection case", caseId));
        BorrowerContacts.BorrowerContact borrower = borrowers.of(found.customerId());
        if (request.mobile() != null && !borrower.mobile().equals(request.mobile().strip())) {
            throw new InvalidRequest(List.of(new FieldViolation("mobile", "borrower-own-mobile",
                    "third-party contacts are refused: only the borrower's own mobile may be contacted")));
        }
        ContactView view = transactions.execute(status -> {
            customers.lock(found.customerId());
            locks.acquire(caseId, staff.getName());
            Instant now = compliance.now();
            Optional<Instant> quiet = compliance.quietUntil(now);
            if (quiet.isPresent()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "quiet-hours", "Quiet hours",
                        "no contact with borrowers in quiet hours; contacts are allowed again from " + quiet.get());
            }
            if (compliance.capReached(found.customerId(), now)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "contact-cap-reached", "Daily contact cap reached",
                        "the borrower has had " + compliance.dailyCap() + " contacts today, the most allowed per day");
            }
            UUID contactId = UUID.randomUUID();
            String masked = Mask.mobile(borrower.mobile());
            jdbc.sql("""
                    insert into contact (id, case_id, customer_id, agent_id, channel, party, mobile_masked, outcome, note,
                                         contacted_at)
                    values (?, ?, ?, ?, 'CALL', 'BORROWER', ?, ?, ?, ?)
                    """).params(contactId, caseId, found.customerId(), staff.getName(), masked, request.outcome(),
                            request.note(), Cases.at(now)).update();
            PromiseView promise = null;
            if (request.promise() != null) {
                UUID promiseId = UUID.randomUUID();
                BigDecimal amount = request.promise().amount().setScale(2);
                jdbc.sql("""
                        insert into promise (id, case_id, contact_id, amount, promised_for, state, made_on)
                        values (?, ?, ?, ?, ?, 'OPEN', ?)
                        """).params(promiseId, caseId, contactId, amount, request.promise().date(), today).update();
                promise = new PromiseView(promiseId, request.promise().date(), Amounts.text(amount), "OPEN");
            }
            return new ContactView(contactId, caseId, staff.getName(), "CALL", "BORROWER", masked, request.outcome(),
                    request.note(), now, promise);
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    private static void validate(ContactRequest request, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.party() == null || request.party().isBlank()) {
            violations.add(new FieldViolation("party", "NotBlank", "must name who was contacted (BORROWER)"));
        } else if (!"BORROWER".equals(request.party())) {
            violations.add(new FieldViolation("party", "borrower-only",
                    "third-party contacts are refused: only the borrower may be contacted, not " + request.party()));
        }
        if (request.mobile() != null && !request.mobile().strip().matches("^1[3-9][0-9]{9}$")) {
            violations.add(new FieldViolation("mobile", "Pattern",
                    "must be an 11-digit mainland mobile number, or left out for the borrower's mobile on record"));
        }
        if (request.outcome() == null || !OUTCOMES.contains(request.outcome())) {
            violations.add(new FieldViolation("outcome", "one-of", "must be one of " + OUTCOMES));
        }
        if (request.note() != null && request.note().length() > 2000) {
            violations.add(new FieldViolation("note", "Size", "must be at most 2000 characters"));
        }
        PromiseRequest promise = request.promise();
        if (promise != null) {
            if (promise.date() == null) {
                violations.add(new FieldViolation("promise.date", "NotNull", "must be the date the borrower promised to pay by"));
            } else if (promise.date().isBefore(today)) {
                violations.add(new FieldViolation("promise.date", "not-past", "must not be before the business date " + today));
            }
            if (promise.amount() == null || promise.amount().signum() <= 0) {
                violations.add(new FieldViolation("promise.amount", "Positive", "must be more than 0"));
            } else if (promise.amount().stripTrailingZeros().scale() > 2) {
                violations.add(new FieldViolation("promise.amount", "Digits", "must be in whole fen (two decimals at most)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }
}
