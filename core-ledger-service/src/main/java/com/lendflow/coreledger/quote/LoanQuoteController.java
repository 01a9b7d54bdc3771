package com.lendflow.coreledger.quote;

import com.lendflow.platform.security.access.ActingCustomer;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's trial calculation for the customer named in X-Customer-Id. It reserves and stores
 * nothing, so it takes no Idempotency-Key.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_customer')")
class LoanQuoteController {

    private final LoanQuotes quotes;

    LoanQuoteController(LoanQuotes quotes) {
        this.quotes = quotes;
    }

    @PostMapping("/api/v1/loan-quotes")
    LoanQuoteView quote(@Valid @RequestBody LoanQuoteRequest request) {
        return quotes.quote(ActingCustomer.require(), request);
    }
}
