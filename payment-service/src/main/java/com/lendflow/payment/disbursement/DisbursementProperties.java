package com.lendflow.payment.disbursement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.payment.disbursement.*}: limits and the rhythm of sending and querying.
 * Per-channel limits are {@code lendflow.payment.channel.single-limit} and {@code daily-limit}.
 *
 * @param cardDailyLimit   the most paid out to one card on one business date
 * @param zone             the calendar of the business date on which limits are counted
 * @param pollInterval     how often the query-back job looks for disbursements in flight
 * @param callbackWait     how long a submitted transfer waits for its callback before it is queried
 * @param queryInterval    the first pause between queries of a transfer still processing or unknown
 * @param maxQueryInterval the longest pause between queries (they back off exponentially up to it)
 * @param sendGrace        a recorded disbursement not handed to the channel after this long is sent by the job
 *                         (the process died between recording and sending)
 * @param stuckAfter       a disbursement still being sent after this long lost its caller mid-call: queried,
 *                         never resent; longer than any channel call can last
 * @param notFoundAfter    a transfer the channel still has no record of after this long never reached it: failed
 */
@ConfigurationProperties("lendflow.payment.disbursement")
public record DisbursementProperties(
        @DefaultValue("50000.00") BigDecimal cardDailyLimit,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("30s") Duration callbackWait,
        @DefaultValue("5s") Duration queryInterval,
        @DefaultValue("5m") Duration maxQueryInterval,
        @DefaultValue("10s") Duration sendGrace,
        @DefaultValue("2m") Duration stuckAfter,
        @DefaultValue("30m") Duration notFoundAfter) {
}
