package com.lendflow.payment.card;

import com.lendflow.platform.web.ApiProblem;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cards for other Lendflow services (loan-order checks a drawdown's card before reserving
 * anything), which call with their own token (scope internal). Not routed by the gateway.
 */
@RestController
class BankCardInternalController {

    private final BankCards cards;

    BankCardInternalController(BankCards cards) {
        this.cards = cards;
    }

    @GetMapping("/internal/v1/bank-cards/{id}")
    BankCardInternalView card(@PathVariable UUID id) {
        return cards.findById(id).map(BankCardInternalView::of).orElseThrow(() -> ApiProblem.notFound("Bank card", id));
    }
}
