package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.CreditLineFrozen;
import com.lendflow.contracts.limit.CreditLineUnfrozen;
import com.lendflow.platform.messaging.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The freezes on a line. Each freeze is kept with its own code and requester, and the line is
 * frozen while any holds: an automatic unfreeze lifts only what its requester froze, so a
 * repayment that ends collection's OVERDUE freeze does not lift a fraud or an ops freeze. The
 * caller holds the line's lock.
 */
@Component
class LineFreezes {

    static final String LIMIT_SERVICE = "limit-service";

    private final CreditLineRequests requests;
    private final Outbox outbox;

    LineFreezes(CreditLineRequests requests, Outbox outbox) {
        this.requests = requests;
        this.outbox = outbox;
    }

    /** Adds {@code freeze} to those holding and freezes the line; answers CreditLineFrozen. */
    void hold(CreditLine line, CreditLineRequest freeze) {
        requests.save(freeze);
        line.freezesHolding(requests.holdingOn(line.customerId()));
        outbox.publish(Topics.LIMIT_CREDIT_LINE, line.customerId().toString(), CreditLineFrozen.TYPE, freeze.frozenReply());
    }

    /**
     * Lifts the holding freezes that {@code which} selects, then sets the line's status from
     * those still holding.
     *
     * @return the lifted freezes
     */
    List<CreditLineRequest> lift(CreditLine line, Predicate<CreditLineRequest> which, String liftedBy, Instant now) {
        List<CreditLineRequest> lifted = requests.holdingOn(line.customerId()).stream().filter(which).toList();
        lifted.forEach(freeze -> freeze.lift(liftedBy, now));
        line.freezesHolding(requests.holdingOn(line.customerId()).stream().filter(f -> f.liftedAt() == null).toList());
        return lifted;
    }

    /** The repayment that brought an over-occupied line back within its limit lifts its OVER_OCCUPIED freezes. */
    void endOverOccupation(CreditLine line, String repaymentId, java.time.LocalDate today, Instant now) {
        List<CreditLineRequest> lifted = lift(line, freeze -> FreezeCode.OVER_OCCUPIED.name().equals(freeze.code()),
                "repayment:" + repaymentId, now);
        if (!lifted.isEmpty()) {
            CreditLineStatus statusAfter = line.statusOn(today);
            outbox.publish(Topics.LIMIT_CREDIT_LINE, line.customerId().toString(), CreditLineUnfrozen.TYPE,
                    new CreditLineUnfrozen("repayment:" + repaymentId, line.customerId(), statusAfter.name(),
                            "repayment " + repaymentId + " brought the line back within its limit"));
        }
    }
}
