package com.lendflow.funding.position;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's disbursement-account position (头寸) on a business day: the day's plan (its own, or
 * else the partner's default) plus the day's top-ups is what may be paid out; reserved is promised
 * to drawdowns on their way, used is paid out.
 *
 * @param ownPlan true when the day has a plan of its own rather than the partner's default
 */
public record Position(String partnerId, LocalDate businessDate, BigDecimal plan, boolean ownPlan,
                       BigDecimal topUps, BigDecimal reserved, BigDecimal used, Instant warnedAt) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Plan plus top-ups: the most that may be reserved and used on the day. */
    public BigDecimal total() {
        return plan.add(topUps);
    }

    public BigDecimal taken() {
        return reserved.add(used);
    }

    public BigDecimal remaining() {
        return total().subtract(taken()).max(BigDecimal.ZERO);
    }

    public boolean fits(BigDecimal amount) {
        return taken().add(amount).compareTo(total()) <= 0;
    }

    /** Reserved plus used as a percentage of the total, cut (not rounded) to two decimals; null without a plan. */
    public BigDecimal percentUsed() {
        if (total().signum() == 0) {
            return null;
        }
        return taken().multiply(HUNDRED).divide(total(), 2, RoundingMode.DOWN);
    }

    /** True when reserved plus used is at or above {@code percent}% of the total (exactly, not by the cut percentage). */
    public boolean atOrAbove(int percent) {
        return total().signum() > 0
                && taken().multiply(HUNDRED).compareTo(total().multiply(BigDecimal.valueOf(percent))) >= 0;
    }

    public boolean warned() {
        return warnedAt != null;
    }

    public Position reserve(BigDecimal amount) {
        if (!fits(amount)) {
            throw new IllegalStateException("reserving " + amount + " would pass " + partnerId + "'s plan for " + businessDate);
        }
        return new Position(partnerId, businessDate, plan, ownPlan, topUps, reserved.add(amount), used, warnedAt);
    }

    /** What was reserved is paid out. */
    public Position use(BigDecimal amount) {
        return new Position(partnerId, businessDate, plan, ownPlan, topUps, reserved.subtract(amount), used.add(amount),
                warnedAt);
    }

    public Position release(BigDecimal amount) {
        return new Position(partnerId, businessDate, plan, ownPlan, topUps, reserved.subtract(amount), used, warnedAt);
    }

    public Position warnedAt(Instant when) {
        return new Position(partnerId, businessDate, plan, ownPlan, topUps, reserved, used, when);
    }

    Position withPlan(BigDecimal newPlan) {
        return new Position(partnerId, businessDate, newPlan, true, topUps, reserved, used, warnedAt);
    }

    Position toppedUp(BigDecimal amount) {
        return new Position(partnerId, businessDate, plan, ownPlan, topUps.add(amount), reserved, used, warnedAt);
    }
}
