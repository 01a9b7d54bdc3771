package com.lendflow.funding.position;

import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's position on a day as staff read it. {@code plan} is the day's own plan or the
 * partner's default ({@code ownPlan} says which), {@code totalPlan} adds the top-ups, and
 * {@code percentUsed} is (reserved + used) / totalPlan, cut to two decimals (null without a plan).
 */
public record PositionView(String partnerId, String partnerName, LocalDate businessDate, String plan, boolean ownPlan,
                           String topUps, String totalPlan, String reserved, String used, String remaining,
                           String percentUsed, Instant warnedAt) {

    public static PositionView of(Position position, String partnerName) {
        BigDecimal percent = position.percentUsed();
        return new PositionView(position.partnerId(), partnerName, position.businessDate(), Amounts.text(position.plan()),
                position.ownPlan(), Amounts.text(position.topUps()), Amounts.text(position.total()),
                Amounts.text(position.reserved()), Amounts.text(position.used()), Amounts.text(position.remaining()),
                percent == null ? null : percent.toPlainString(), position.warnedAt());
    }
}
