package com.lendflow.payment.disbursement;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.contracts.payment.DisbursementSucceeded;
import com.lendflow.payment.channel.PaymentChannel.TransferStatus;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the channel says of a transfer, by callback or by query, applied to its disbursement once:
 * the first final word settles it and publishes the outcome; any later word (a duplicate or late
 * callback, a query racing a callback) is recorded and changes nothing. Runs in the caller's
 * transaction, with the disbursement locked.
 */
@Component
class ChannelOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ChannelOutcomes.class);

    private final DisbursementEvents events;
    private final Outbox outbox;

    ChannelOutcomes(DisbursementEvents events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    /** @return true if this settled the disbursement */
    boolean apply(Disbursement disbursement, TransferStatus status, DisbursementEvent.Kind heardBy, Instant now) {
        String detail = describe(status);
        if (status.amount() != null && status.amount().compareTo(disbursement.amount()) != 0) {
            // Never settle on a transfer that is not the one we ordered: staff must look at it.
            log.error("channel reports {} for {} of drawdown {}, which was ordered as {}: not applied",
                    Amounts.text(status.amount()), disbursement.requestNo(), disbursement.drawdownId(),
                    Amounts.text(disbursement.amount()));
            events.save(DisbursementEvent.of(disbursement.drawdownId(), heardBy, "AMOUNT_MISMATCH", detail, now));
            return false;
        }
        if (disbursement.state().isFinal()) {
            boolean agrees = (status.outcome() == TransferStatus.Outcome.SUCCESS
                    && disbursement.state() == DisbursementState.SUCCEEDED)
                    || (status.outcome() == TransferStatus.Outcome.FAILED && disbursement.state() == DisbursementState.FAILED);
            if (!agrees && status.outcome() != TransferStatus.Outcome.PROCESSING) {
                log.error("channel now reports {} for {} of drawdown {}, already settled as {}: not applied",
                        status.outcome(), disbursement.requestNo(), disbursement.drawdownId(), disbursement.state());
            }
            events.save(DisbursementEvent.of(disbursement.drawdownId(), heardBy,
                    agrees ? "DUPLICATE" : "CONTRADICTS_" + disbursement.state(), detail, now));
            return false;
        }
        String key = disbursement.drawdownId().toString();
        switch (status.outcome()) {
            case SUCCESS -> {
                Instant completedAt = (status.completedAt() == null ? now : status.completedAt()).truncatedTo(ChronoUnit.MICROS);
                disbursement.succeeded(status.channelTransactionId(), completedAt);
                events.save(DisbursementEvent.of(disbursement.drawdownId(), heardBy, "SUCCESS", detail, now));
                outbox.publish(Topics.PAYMENT_DISBURSEMENT, key, DisbursementSucceeded.TYPE, disbursement.succeededReply());
                log.info("disbursement {} of {} for drawdown {} succeeded (heard by {})", disbursement.requestNo(),
                        Amounts.text(disbursement.amount()), disbursement.drawdownId(), heardBy);
                return true;
            }
            case FAILED -> {
                String reason = "channel " + disbursement.channel() + " failed the transfer: "
                        + (status.failureCode() == null ? "" : status.failureCode() + " ")
                        + (status.failureReason() == null ? "no reason given" : status.failureReason());
                String code = Disbursement.CHANNEL_NO_RECORD.equals(status.failureCode())
                        ? Disbursement.CHANNEL_NO_RECORD : Disbursement.CHANNEL_FAILED;
                disbursement.failed(code, reason, now);
                events.save(DisbursementEvent.of(disbursement.drawdownId(), heardBy, "FAILED", detail, now));
                outbox.publish(Topics.PAYMENT_DISBURSEMENT, key, DisbursementFailed.TYPE, disbursement.failedReply());
                log.info("disbursement {} for drawdown {} failed at the channel (heard by {}): {}",
                        disbursement.requestNo(), disbursement.drawdownId(), heardBy, reason);
                return true;
            }
            default -> throw new IllegalArgumentException("not a final outcome: " + status.outcome());
        }
    }

    static String describe(TransferStatus status) {
        StringBuilder text = new StringBuilder(status.outcome().name());
        if (status.channelTransactionId() != null) {
            text.append(" txn ").append(status.channelTransactionId());
        }
        if (status.amount() != null) {
            text.append(" amount ").append(status.amount().toPlainString());
        }
        if (status.failureCode() != null) {
            text.append(" ").append(status.failureCode());
        }
        if (status.failureReason() != null) {
            text.append(": ").append(status.failureReason());
        }
        return text.toString();
    }
}
