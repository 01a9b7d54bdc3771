package com.lendflow.loanorder.creditapplication;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.idempotency.IdempotentRequests;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The app backend's credit-line API, for the customer named in X-Customer-Id. */
@RestController
@RequestMapping("/api/v1/credit-applications")
@PreAuthorize("hasAuthority('SCOPE_customer')")
class CreditApplicationController {

    private final SubmitCreditApplicationHandler submit;
    private final CreditApplications applications;
    private final IdempotentRequests idempotency;

    CreditApplicationController(SubmitCreditApplicationHandler submit, CreditApplications applications,
                                IdempotentRequests idempotency) {
        this.submit = submit;
        this.applications = applications;
        this.idempotency = idempotency;
    }

    /**
     * Applies for a credit line: 202 with the application, decided asynchronously. A retry with
     * the same Idempotency-Key and body returns the same application; another body with that key is 409.
     */
    @PostMapping
    ResponseEntity<?> apply(@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
                            @Valid @RequestBody CreditApplicationRequest request) {
        UUID customerId = ActingCustomer.require();
        try {
            return idempotency.execute(idempotencyKey, new Fingerprint(customerId, request), () -> {
                CreditApplicationView application = submit.handle(request.toCommand(customerId));
                return ResponseEntity.accepted().location(URI.create("/api/v1/credit-applications/" + application.id()))
                        .body(application);
            });
        } catch (DataIntegrityViolationException raceForTheSameCustomer) {
            // Two applications raced past the check; the database let one through.
            throw applications.inFlightOf(customerId).map(SubmitCreditApplicationHandler::inFlight)
                    .orElseThrow(() -> raceForTheSameCustomer);
        }
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    CreditApplicationView application(@PathVariable UUID id) {
        UUID customerId = ActingCustomer.require();
        return applications.findById(id)
                .filter(application -> application.customerId().equals(customerId))
                .map(CreditApplicationView::of)
                .orElseThrow(() -> ApiProblem.notFound("Credit application", id));
    }

    /** What makes two requests "the same": the same customer sending the same body. */
    record Fingerprint(UUID customerId, CreditApplicationRequest request) {
    }
}
