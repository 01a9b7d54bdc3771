package com.lendflow.payment.repayment;

import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A loan's repayment orders and withholdings for ops staff and finance, with everything that happened to each. */
@RestController
@PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'FINANCE', 'ADMIN')")
class RepaymentOpsController {

    private final RepaymentOrders orders;
    private final RepaymentEvents events;
    private final Withholdings withholdings;

    RepaymentOpsController(RepaymentOrders orders, RepaymentEvents events, Withholdings withholdings) {
        this.orders = orders;
        this.events = events;
        this.withholdings = withholdings;
    }

    @GetMapping("/ops/v1/repayment-orders")
    List<OrderView> orders(@RequestParam UUID loanId) {
        List<RepaymentOrder> found = orders.findByLoanIdOrderByCreatedAtAsc(loanId);
        Map<UUID, List<Step>> history = events.findByTransferIdInOrderByIdAsc(found.stream().map(RepaymentOrder::id).toList())
                .stream().collect(Collectors.groupingBy(RepaymentEvent::transferId,
                        Collectors.mapping(e -> new Step(e.occurredAt(), e.kind(), e.outcome(), e.detail()),
                                Collectors.toList())));
        return found.stream().map(o -> OrderView.of(o, history.getOrDefault(o.id(), List.of()))).toList();
    }

    @GetMapping("/ops/v1/withholdings")
    List<WithholdingView> withholdings(@RequestParam UUID loanId) {
        return withholdings.findByLoanIdOrderByPeriodAsc(loanId).stream().map(w -> WithholdingView.of(w,
                orders.findByWithholdingIdOrderByAttemptAsc(w.id()))).toList();
    }

    record Step(Instant at, String kind, String outcome, String detail) {
    }

    record OrderView(UUID id, String requestNo, UUID loanId, UUID customerId, String mode, UUID withholdingId,
                     Integer attempt, String amount, String card, String channel, LocalDate businessDate, String state,
                     String status, String failureCode, String failureReason, String channelTransactionId,
                     Instant createdAt, Instant submittedAt, Instant completedAt, Instant appliedAt, Instant reversedAt,
                     String reversalReason, int queries, List<Step> history) {

        static OrderView of(RepaymentOrder o, List<Step> history) {
            return new OrderView(o.id(), o.requestNo(), o.loanId(), o.customerId(), o.mode().name(), o.withholdingId(),
                    o.attempt(), Amounts.text(o.amount()), o.cardMasked(), o.channel(), o.businessDate(),
                    o.state().name(), o.state().status(), o.failureCode(), o.failureReason(), o.channelTransactionId(),
                    o.createdAt(), o.submittedAt(), o.completedAt(), o.appliedAt(), o.reversedAt(), o.reversalReason(),
                    o.queries(), history);
        }
    }

    record Attempt(int attempt, UUID orderId, String amount, String status, String failureCode, LocalDate businessDate,
                   Instant createdAt) {
    }

    record WithholdingView(UUID id, UUID loanId, UUID customerId, int period, LocalDate dueDate, String amountDue,
                           String state, int attempts, LocalDate nextAttemptOn, Instant nextAttemptAt, String stopReason,
                           List<Attempt> attemptsMade) {

        static WithholdingView of(Withholding w, List<RepaymentOrder> attempts) {
            return new WithholdingView(w.id(), w.loanId(), w.customerId(), w.period(), w.dueDate(),
                    Amounts.text(w.amountDue()), w.state().name(), w.attempts(), w.nextAttemptOn(), w.nextAttemptAt(),
                    w.stopReason(), attempts.stream().map(o -> new Attempt(o.attempt(), o.id(), Amounts.text(o.amount()),
                            o.state().status(), o.failureCode(), o.businessDate(), o.createdAt())).toList());
        }
    }
}
