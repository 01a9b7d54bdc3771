package com.lendflow.coreledger.product;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loan products for ops staff: every staff role reads them, only administrators change them. PUT
 * replaces the whole product (creating it if new) and is idempotent by nature, so it takes no
 * Idempotency-Key; an unchanged product is neither written nor audited again.
 */
@RestController
@RequestMapping("/ops/v1/loan-products")
class LoanProductOpsController {

    private final LoanProducts products;
    private final ChangeLoanProduct change;

    LoanProductOpsController(LoanProducts products, ChangeLoanProduct change) {
        this.products = products;
        this.change = change;
    }

    record ProductsView(List<LoanProductView> products) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'FINANCE', 'RISK_ANALYST', 'ADMIN')")
    ProductsView products() {
        return new ProductsView(products.all().stream().map(LoanProductView::of).toList());
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<LoanProductView> put(@PathVariable String code, @Valid @RequestBody LoanProductRequest request) {
        ChangeLoanProduct.Outcome outcome = change.handle(code, request);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(LoanProductView.of(outcome.product()));
    }
}
