package com.lendflow.funding.position;

import com.lendflow.funding.FundingSettings;
import com.lendflow.funding.partner.FundingPartner;
import com.lendflow.funding.partner.FundingPartners;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each partner's money for a day: everyone on ops reads the positions; finance and administrators
 * set a day's plan and add top-ups, each audited with a stated reason.
 */
@RestController
@RequestMapping("/ops/v1/funding")
class PositionOpsController {

    private final FundingPartners partners;
    private final Positions positions;
    private final PositionHandlers handlers;
    private final FundingSettings settings;
    private final Clock clock;

    PositionOpsController(FundingPartners partners, Positions positions, PositionHandlers handlers,
                          FundingSettings settings, Clock clock) {
        this.partners = partners;
        this.positions = positions;
        this.handlers = handlers;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every partner's position on {@code date} (today in the service's calendar when not given). */
    @GetMapping("/positions")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'FINANCE', 'ADMIN')")
    PositionsView positions(@RequestParam(name = "date", required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date == null ? settings.today(clock) : date;
        Map<String, String> names = partners.all().stream()
                .collect(Collectors.toMap(FundingPartner::id, FundingPartner::name, (a, b) -> a));
        return new PositionsView(day, settings.warningPercent(), positions.onDate(day).stream()
                .map(position -> PositionView.of(position, names.get(position.partnerId()))).toList());
    }

    @PutMapping("/partners/{partnerId}/plans/{date}")
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    PositionView changePlan(@PathVariable String partnerId,
                            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                            @Valid @RequestBody PlanRequest request) {
        return handlers.handle(new ChangePlan(partnerId, date, request.amount(), request.reason()));
    }

    @PostMapping("/partners/{partnerId}/top-ups")
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    PositionView topUp(@PathVariable String partnerId, @Valid @RequestBody TopUpRequest request) {
        return handlers.handle(new TopUp(partnerId, request.date(), request.amount(), request.reason()));
    }

    /** A day's plan; zero stops the partner for the day. Amounts may be JSON strings or numbers, read exactly. */
    record PlanRequest(@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal amount,
                       @NotBlank @Size(max = 500) String reason) {
    }

    record TopUpRequest(@NotNull LocalDate date,
                        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
                        @NotBlank @Size(max = 500) String reason) {
    }

    record PositionsView(LocalDate businessDate, int warningPercent, List<PositionView> positions) {
    }
}
