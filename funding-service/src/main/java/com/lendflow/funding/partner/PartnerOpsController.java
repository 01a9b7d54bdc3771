package com.lendflow.funding.partner;

import com.lendflow.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Funding partners for ops staff: everyone on ops reads them; finance and administrators add and
 * change them (rate, priority, eligibility, default daily plan, active or not), each change
 * audited with a stated reason.
 */
@RestController
@RequestMapping("/ops/v1/funding/partners")
class PartnerOpsController {

    private final FundingPartners partners;
    private final ChangePartnerHandler change;

    PartnerOpsController(FundingPartners partners, ChangePartnerHandler change) {
        this.partners = partners;
        this.change = change;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'FINANCE', 'ADMIN')")
    List<PartnerView> partners() {
        return partners.all().stream().map(PartnerView::of).toList();
    }

    @GetMapping("/{partnerId}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'FINANCE', 'ADMIN')")
    PartnerView partner(@PathVariable String partnerId) {
        return partners.find(partnerId).map(PartnerView::of)
                .orElseThrow(() -> ApiProblem.notFound("Funding partner", partnerId));
    }

    /** Adds the partner (no version) or replaces it whole ({@code version} as read, so no change is lost silently). */
    @PutMapping("/{partnerId}")
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    PartnerView change(@PathVariable String partnerId, @Valid @RequestBody PartnerRequest request) {
        return change.handle(new ChangePartner(partnerId, request.name(), request.active(), request.priority(),
                request.fundingRate(), request.grades(), request.minAmount(), request.maxAmount(),
                request.termMonths(), request.dailyPlan(), request.version(), request.reason()));
    }

    /** Amounts and the rate may be JSON strings or numbers, read exactly; a fraction of a fen is refused, not rounded. */
    record PartnerRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull Boolean active,
            @NotNull @Min(0) @Max(100000) Integer priority,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.24") @Digits(integer = 1, fraction = 6)
            BigDecimal fundingRate,
            @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = "^[A-E]$") String> grades,
            @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal minAmount,
            @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal maxAmount,
            @NotEmpty @Size(max = 50) List<@NotNull @Min(1) @Max(360) Integer> termMonths,
            @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal dailyPlan,
            @Min(0) Long version,
            @NotBlank @Size(max = 500) String reason) {
    }
}
