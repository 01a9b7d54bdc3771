package com.lendflow.coreledger.servicing;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money for loans, from payment-service (scope internal; not routed by the gateway). Each call is
 * idempotent on the payment side's id: the same repayment sent again answers 200 with what the
 * first call did and moves no money. The same flows also arrive by message on
 * lendflow.payment.repayment ({@link RepaymentMessages}).
 */
@RestController
class RepaymentInternalController {

    private final ApplyRepayment apply;
    private final Prepayments prepayments;
    private final ReverseRepayment reverse;
    private final ServicedLoans loans;

    RepaymentInternalController(ApplyRepayment apply, Prepayments prepayments, ReverseRepayment reverse,
                                ServicedLoans loans) {
        this.apply = apply;
        this.prepayments = prepayments;
        this.reverse = reverse;
        this.loans = loans;
    }

    @PostMapping("/internal/v1/loans/{loanId}/repayments")
    ResponseEntity<RepaymentView> repay(@PathVariable UUID loanId, @Valid @RequestBody RepaymentRequests.Repay request) {
        boolean known = loans.repayment(request.repaymentId()).isPresent();
        Repayment repayment = apply.handle(new ReceiveRepayment(request.repaymentId(), loanId, request.amount(),
                request.channel(), request.receivedAt()), ApplyRepayment.OnRefusal.PROBLEM);
        return created(repayment, known);
    }

    @PostMapping("/internal/v1/loans/{loanId}/prepayments")
    ResponseEntity<RepaymentView> prepay(@PathVariable UUID loanId, @Valid @RequestBody RepaymentRequests.Prepay request) {
        boolean known = loans.repayment(request.prepaymentId()).isPresent();
        Repayment repayment = prepayments.prepay(new Prepayments.Prepay(request.prepaymentId(), loanId,
                request.principal(), request.reshape(), request.amount(), request.channel()));
        return created(repayment, known);
    }

    @PostMapping("/internal/v1/repayments/{repaymentId}/reversal")
    RepaymentView reverse(@PathVariable String repaymentId, @Valid @RequestBody RepaymentRequests.Reverse request) {
        return view(reverse.handle(repaymentId, request.reason()));
    }

    private ResponseEntity<RepaymentView> created(Repayment repayment, boolean known) {
        return ResponseEntity.status(known ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/ops/v1/repayments/" + repayment.id()))
                .body(view(repayment));
    }

    private RepaymentView view(Repayment repayment) {
        return RepaymentView.of(repayment, loans.allocationsOf(repayment.id()));
    }
}
