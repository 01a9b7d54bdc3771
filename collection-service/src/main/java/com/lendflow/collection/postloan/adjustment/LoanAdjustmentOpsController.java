package com.lendflow.collection.postloan.adjustment;

import com.lendflow.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extensions, fee waivers, restructures and write-offs under maker-checker. Agents and supervisors request
 * (the maker); only supervisors and administrators approve or reject, never their own request.
 */
@RestController
@Validated
@RequestMapping("/ops/v1/loan-adjustments")
class LoanAdjustmentOpsController {

    private final RequestLoanAdjustmentHandler request;
    private final DecideLoanAdjustmentHandler decide;
    private final LoanAdjustments adjustments;

    LoanAdjustmentOpsController(RequestLoanAdjustmentHandler request, DecideLoanAdjustmentHandler decide,
                                LoanAdjustments adjustments) {
        this.request = request;
        this.decide = decide;
        this.adjustments = adjustments;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'ADMIN')")
    LoanAdjustmentView request(@Valid @RequestBody AdjustmentRequest body) {
        return request.handle(new RequestAdjustment(body.loanId(), body.kind(), body.extraPeriods(), body.penalty(),
                body.interest(), body.annualRate(), body.reason()));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    LoanAdjustmentView approve(@PathVariable UUID id, @Valid @RequestBody DecisionRequest body) {
        return decide.approve(id, body.reason().strip());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    LoanAdjustmentView reject(@PathVariable UUID id, @Valid @RequestBody DecisionRequest body) {
        return decide.reject(id, body.reason().strip());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'FINANCE', 'ADMIN')")
    List<LoanAdjustmentView> list(@RequestParam(name = "loanId", required = false) UUID loanId,
                                  @RequestParam(name = "state", required = false) AdjustmentState state,
                                  @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                  @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        return adjustments.list(loanId, state, size, page * size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'FINANCE', 'ADMIN')")
    LoanAdjustmentView adjustment(@PathVariable UUID id) {
        return adjustments.view(id).orElseThrow(() -> ApiProblem.notFound("Loan adjustment", id));
    }

    /** Which terms apply depends on {@code kind}; see AdjustmentTerms. */
    record AdjustmentRequest(@NotNull UUID loanId, @NotNull AdjustmentKind kind, Integer extraPeriods, BigDecimal penalty,
                             BigDecimal interest, BigDecimal annualRate, @NotBlank @Size(max = 500) String reason) {
    }

    record DecisionRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
