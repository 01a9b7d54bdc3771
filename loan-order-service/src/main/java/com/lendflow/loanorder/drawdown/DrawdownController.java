package com.lendflow.loanorder.drawdown;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.idempotency.IdempotentRequests;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
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

/** The app backend's drawdown API, for the customer named in X-Customer-Id. */
@RestController
@RequestMapping("/api/v1/drawdowns")
@PreAuthorize("hasAuthority('SCOPE_customer')")
class DrawdownController {

    private final SubmitDrawdownHandler submit;
    private final Drawdowns drawdowns;
    private final IdempotentRequests idempotency;

    DrawdownController(SubmitDrawdownHandler submit, Drawdowns drawdowns, IdempotentRequests idempotency) {
        this.submit = submit;
        this.drawdowns = drawdowns;
        this.idempotency = idempotency;
    }

    /**
     * Borrows: 202 with the drawdown, paid out asynchronously. The checks that call other services
     * run first, outside any transaction; a retry with the same Idempotency-Key and body gets the
     * same drawdown without being checked again (the limit it reserved would refuse it).
     */
    @PostMapping
    ResponseEntity<?> borrow(@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
                             @Valid @RequestBody DrawdownRequest request) {
        UUID customerId = ActingCustomer.require();
        Fingerprint fingerprint = new Fingerprint(customerId, request);
        SubmitDrawdown checked = drawdowns.existsByCustomerIdAndIdempotencyKey(customerId, idempotencyKey) ? null
                : submit.check(customerId, idempotencyKey, request);
        return idempotency.execute(idempotencyKey, fingerprint, () -> {
            if (checked == null) {
                throw new IllegalStateException("drawdown with key " + idempotencyKey + " exists but was not replayed");
            }
            DrawdownView drawdown = submit.accept(checked);
            return ResponseEntity.accepted().location(URI.create("/api/v1/drawdowns/" + drawdown.id())).body(drawdown);
        });
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    DrawdownView drawdown(@PathVariable UUID id) {
        UUID customerId = ActingCustomer.require();
        return drawdowns.findById(id)
                .filter(d -> d.customerId().equals(customerId))
                .map(DrawdownView::of)
                .orElseThrow(() -> ApiProblem.notFound("Drawdown", id));
    }

    record Fingerprint(UUID customerId, DrawdownRequest request) {
    }
}
