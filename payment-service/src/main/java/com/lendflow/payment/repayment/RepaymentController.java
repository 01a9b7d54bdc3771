package com.lendflow.payment.repayment;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.idempotency.IdempotentRequests;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The app backend's repayment API: a customer repays their own loans and sees their own orders. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_customer')")
class RepaymentController {

    private final RequestRepayment repay;
    private final RepaymentOrders orders;

    RepaymentController(RequestRepayment repay, RepaymentOrders orders) {
        this.repay = repay;
        this.orders = orders;
    }

    /** Repays the current installment, an amount, or the whole loan from a bound card: 202 with the order. */
    @PostMapping("/api/v1/loans/{loanId}/repayments")
    ResponseEntity<?> repay(@PathVariable UUID loanId, @RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
                            @RequestBody(required = false) RepaymentRequest request) {
        return repay.handle(ActingCustomer.require(), loanId, idempotencyKey, request);
    }

    @GetMapping("/api/v1/repayment-orders/{id}")
    RepaymentOrderView order(@PathVariable UUID id) {
        RepaymentOrder order = orders.findById(id).orElseThrow(() -> ApiProblem.notFound("Repayment order", id));
        ActingCustomer.mayAccess(order.customerId(), "Repayment order", id);
        return RepaymentOrderView.of(order);
    }
}
