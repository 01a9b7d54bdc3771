package com.lendflow.payment.card;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.idempotency.IdempotentRequests;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The app backend's card API. A customer-scoped request sees and binds only the customer's own cards. */
@RestController
@RequestMapping("/api/v1/bank-cards")
@PreAuthorize("hasAuthority('SCOPE_customer')")
class BankCardController {

    private final StartCardBinding start;
    private final ConfirmCardBinding confirm;
    private final BankCards cards;

    BankCardController(StartCardBinding start, ConfirmCardBinding confirm, BankCards cards) {
        this.start = start;
        this.confirm = confirm;
        this.cards = cards;
    }

    /** Starts binding a card: the channel texts a code to the reserved mobile. */
    @PostMapping
    ResponseEntity<BankCardView> bind(@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
                                      @RequestBody BindCardRequest request) {
        return start.handle(ActingCustomer.require(), idempotencyKey, request);
    }

    /** Confirms the binding with the code: the withholding agreement is signed and the card BOUND. */
    @PostMapping("/{id}/confirm")
    BankCardView confirm(@PathVariable UUID id, @RequestBody ConfirmCardRequest request) {
        return confirm.handle(id, request);
    }

    @GetMapping
    List<BankCardView> cards(@RequestParam UUID customerId) {
        ActingCustomer.mayAccess(customerId, "Customer", customerId);
        return cards.findByCustomerIdOrderByCreatedAtDesc(customerId).stream().map(BankCardView::of).toList();
    }

    @GetMapping("/{id}")
    BankCardView card(@PathVariable UUID id) {
        BankCard card = cards.findById(id).orElseThrow(() -> ApiProblem.notFound("Bank card", id));
        ActingCustomer.mayAccess(card.customerId(), "Bank card", id);
        return BankCardView.of(card);
    }
}
