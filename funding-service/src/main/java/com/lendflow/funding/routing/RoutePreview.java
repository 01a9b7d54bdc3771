package com.lendflow.funding.routing;

import com.lendflow.funding.FundingSettings;
import com.lendflow.funding.partner.FundingPartner;
import com.lendflow.funding.partner.FundingPartners;
import com.lendflow.funding.position.Position;
import com.lendflow.funding.position.Positions;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picks the partner for a loan without reserving anything: among active partners whose rules
 * take the loan and whose day has the amount left, the lowest priority number, then the one with
 * the most left. The saga names it in the contract, then reserves it; if another drawdown took the
 * money meanwhile, the reservation says so.
 */
@Component
class RoutePreview {

    private final FundingPartners partners;
    private final Positions positions;
    private final FundingSettings settings;
    private final Clock clock;

    RoutePreview(FundingPartners partners, Positions positions, FundingSettings settings, Clock clock) {
        this.partners = partners;
        this.positions = positions;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RouteView route(RouteRequest request) {
        LocalDate date = request.businessDate() == null ? settings.today(clock) : request.businessDate();
        BigDecimal amount = request.amount();
        List<FundingPartner> eligible = partners.all().stream()
                .filter(FundingPartner::active)
                .filter(p -> p.ineligibility(request.grade(), amount, request.termMonths()).isEmpty())
                .toList();
        if (eligible.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "no-eligible-partner", "No funding partner",
                    "no active funding partner funds grade %s, %s over %d months"
                            .formatted(request.grade(), Amounts.text(amount), request.termMonths()));
        }
        Map<String, Position> day = positions.onDate(date).stream()
                .collect(Collectors.toMap(Position::partnerId, Function.identity()));
        return eligible.stream()
                .filter(p -> day.get(p.id()).fits(amount))
                .min(Comparator.comparingInt(FundingPartner::priority)
                        .thenComparing(p -> day.get(p.id()).remaining(), Comparator.reverseOrder())
                        .thenComparing(FundingPartner::id))
                .map(p -> new RouteView(p.id(), p.name(), p.fundingRate().toPlainString(), date,
                        Amounts.text(day.get(p.id()).remaining())))
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "funding-exhausted",
                        "Funding exhausted", "every funding partner that funds grade %s, %s over %d months (%s) has less than that left of its plan for %s"
                                .formatted(request.grade(), Amounts.text(amount), request.termMonths(),
                                        eligible.stream().map(FundingPartner::id).collect(Collectors.joining(", ")),
                                        date)));
    }
}
