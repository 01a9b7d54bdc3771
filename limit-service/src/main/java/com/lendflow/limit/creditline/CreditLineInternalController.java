package com.lendflow.limit.creditline;

import com.lendflow.platform.web.ApiProblem;
import java.time.Clock;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credit lines for other Lendflow services, which call with their own token (scope internal,
 * required for /internal/** by the platform's security). Not routed by the gateway.
 */
@RestController
class CreditLineInternalController {

    private final CreditLines creditLines;
    private final CreditLineSettings settings;
    private final Clock clock;

    CreditLineInternalController(CreditLines creditLines, CreditLineSettings settings, Clock clock) {
        this.creditLines = creditLines;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/internal/v1/credit-lines/{customerId}")
    CreditLineView creditLine(@PathVariable UUID customerId) {
        return creditLines.findById(customerId).map(line -> CreditLineView.of(line, settings.today(clock)))
                .orElseThrow(() -> ApiProblem.notFound("Credit line", customerId));
    }
}
