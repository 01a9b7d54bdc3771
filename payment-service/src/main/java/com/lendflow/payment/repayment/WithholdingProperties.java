package com.lendflow.payment.repayment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.payment.withholding.*}: auto-withholding (代扣) of due installments.
 *
 * @param plan              when attempts run, counted in business days from the due date: {@code D0,D0,D1,D3}
 *                          is twice on the due date, then the day after, then three days after; one
 *                          attempt per entry
 * @param sameDayRetryDelay how long after a failed attempt another attempt on the same business date waits
 * @param ledgerRetry       how long an attempt waits when core-ledger cannot say what is due, or another
 *                          collection for the loan is still in flight (no attempt is counted)
 */
@ConfigurationProperties("lendflow.payment.withholding")
public record WithholdingProperties(
        @DefaultValue("D0,D0,D1,D3") String plan,
        @DefaultValue("PT4H") Duration sameDayRetryDelay,
        @DefaultValue("1m") Duration ledgerRetry) {

    public WithholdingProperties {
        offsets(plan);
    }

    /** The plan's day offsets from the due date, one per attempt, never decreasing. */
    List<Integer> offsets() {
        return offsets(plan);
    }

    private static List<Integer> offsets(String plan) {
        List<Integer> offsets = new ArrayList<>();
        for (String entry : plan.split(",")) {
            String day = entry.strip().toUpperCase();
            if (!day.matches("^D[0-9]{1,3}$")) {
                throw new IllegalArgumentException("lendflow.payment.withholding.plan: '" + entry
                        + "' is not a day like D0 or D3 (plan " + plan + ")");
            }
            int offset = Integer.parseInt(day.substring(1));
            if (!offsets.isEmpty() && offset < offsets.getLast()) {
                throw new IllegalArgumentException("lendflow.payment.withholding.plan: days must not go back (" + plan + ")");
            }
            offsets.add(offset);
        }
        return List.copyOf(offsets);
    }
}
