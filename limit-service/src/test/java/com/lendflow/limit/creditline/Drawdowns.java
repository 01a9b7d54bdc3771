package com.lendflow.limit.creditline;

import com.lendflow.contracts.limit.ConfirmLimit;
import com.lendflow.contracts.limit.ReleaseLimit;
import com.lendflow.contracts.limit.ReserveLimit;
import java.util.UUID;

/** Object Mother for the drawdown saga's commands to the line. */
final class Drawdowns {

    private Drawdowns() {
    }

    /** A new drawdown of {@code amount} yuan on the customer's line. */
    static ReserveLimit borrowing(UUID customerId, String amount) {
        return new ReserveLimit(UUID.randomUUID(), customerId, amount);
    }

    static ConfirmLimit disbursed(ReserveLimit drawdown) {
        return new ConfirmLimit(drawdown.drawdownId(), drawdown.customerId());
    }

    static ReleaseLimit failed(ReserveLimit drawdown) {
        return new ReleaseLimit(drawdown.drawdownId(), drawdown.customerId(), "the payment channel refused the card");
    }
}
