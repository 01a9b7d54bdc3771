package com.lendflow.payment.repayment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.payment.repayment.*}: collecting repayments from bound cards. The channel's
 * single-transfer limit ({@code lendflow.payment.channel.single-limit}) and its day's collection
 * limit ({@code collection-daily-limit}) apply as well.
 *
 * @param cardDailyLimit   the most collected from one card on one date (a bank's debit limit, counted
 *                         apart from what is paid out to the card)
 * @param zone             the calendar of the date limits are counted on
 * @param pollInterval     how often the query-back job looks for collections in flight
 * @param callbackWait     how long a submitted collection waits for its callback before it is queried
 * @param queryInterval    the first pause between queries (they back off exponentially)
 * @param maxQueryInterval the longest pause between queries
 * @param stuckAfter       a collection still being sent after this long lost its caller mid-call: queried, never resent
 * @param notFoundAfter    a collection the channel still has no record of after this long never reached it: failed
 * @param appliedWait      how long a collected repayment core-ledger has not yet applied holds back another
 *                         collection for the same loan (its amounts due do not show it yet)
 */
@ConfigurationProperties("lendflow.payment.repayment")
public record RepaymentProperties(
        @DefaultValue("50000.00") BigDecimal cardDailyLimit,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("30s") Duration callbackWait,
        @DefaultValue("5s") Duration queryInterval,
        @DefaultValue("5m") Duration maxQueryInterval,
        @DefaultValue("2m") Duration stuckAfter,
        @DefaultValue("30m") Duration notFoundAfter,
        @DefaultValue("10m") Duration appliedWait) {
}
