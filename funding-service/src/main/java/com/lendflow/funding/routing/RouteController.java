package com.lendflow.funding.routing;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The route preview for loan-order-service, which calls with its own token (scope internal,
 * required for /internal/** by the platform's security) before the loan contract is signed. Not
 * routed by the gateway. Nothing is reserved: a 200 names the partner, a 422 says none can fund it.
 */
@RestController
class RouteController {

    private final RoutePreview preview;

    RouteController(RoutePreview preview) {
        this.preview = preview;
    }

    @PostMapping("/internal/v1/funding/routes")
    RouteView route(@Valid @RequestBody RouteRequest request) {
        return preview.route(request);
    }
}
