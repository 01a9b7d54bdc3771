package com.lendflow.payment.transfer;

import com.lendflow.payment.channel.PaymentChannel.TransferStatus;
import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the channel says of a transfer, by callback or by query, applied to it once: the first final
 * word settles it and its kind says so; returned money reverses a succeeded one once; any later word
 * (a duplicate or late callback, a query racing a callback) is recorded and changes nothing. A word
 * about another amount than the one ordered is never applied. Runs in the caller's transaction, with
 * the transfer locked.
 */
public final class TransferOutcomes<T extends ChannelTransfer> {

    public static final String CHANNEL_REFUSED = "CHANNEL_REFUSED";
    public static final String CHANNEL_NO_RECORD = "CHANNEL_NO_RECORD";

    private static final Logger log = LoggerFactory.getLogger(TransferOutcomes.class);

    private final TransferKind<T> kind;

    public TransferOutcomes(TransferKind<T> kind) {
        this.kind = kind;
    }

    TransferKind<T> kind() {
        return kind;
    }

    /** @return true if this changed the transfer */
    public boolean apply(T transfer, TransferStatus status, TransferEvent.Step heardBy, Instant now) {
        String detail = describe(status);
        if (status.amount() != null && status.amount().compareTo(transfer.amount()) != 0) {
            // Never settle on a transfer that is not the one we ordered: staff must look at it.
            log.error("channel reports {} for {}, which was ordered as {}: not applied",
                    Amounts.text(status.amount()), kind.label(transfer), Amounts.text(transfer.amount()));
            record(transfer, heardBy, "AMOUNT_MISMATCH", detail, now);
            return false;
        }
        TransferState state = transfer.state();
        switch (status.outcome()) {
            case SUCCESS -> {
                if (!state.inFlight()) {
                    return unchanged(transfer, heardBy,
                            state == TransferState.SUCCEEDED || state == TransferState.REVERSED, status, detail, now);
                }
                succeed(transfer, status, heardBy, detail, now);
                return true;
            }
            case FAILED -> {
                if (!state.inFlight()) {
                    return unchanged(transfer, heardBy, state == TransferState.FAILED, status, detail, now);
                }
                String reason = "channel " + transfer.channel() + " failed the " + kind.what() + ": "
                        + (status.failureCode() == null ? "" : status.failureCode() + " ")
                        + (status.failureReason() == null ? "no reason given" : status.failureReason());
                record(transfer, heardBy, "FAILED", detail, now);
                fail(transfer, kind.failureCode(status.failureCode()), reason, now);
                return true;
            }
            case RETURNED -> {
                if (!kind.finalOutcomes().contains(TransferStatus.Outcome.RETURNED)) {
                    throw new IllegalArgumentException("not a final outcome: " + status.outcome());
                }
                if (state == TransferState.REVERSED) {
                    return unchanged(transfer, heardBy, true, status, detail, now);
                }
                if (state.inFlight()) {
                    // Returned money was moved first: whoever listens hears both, in order.
                    succeed(transfer, status, heardBy, "SUCCESS implied by RETURNED", now);
                }
                if (transfer.state() != TransferState.SUCCEEDED) {
                    return unchanged(transfer, heardBy, false, status, detail, now);
                }
                String reason = "channel " + transfer.channel() + " returned the money of " + transfer.requestNo()
                        + ": " + (status.failureReason() == null ? "no reason given" : status.failureReason());
                kind.returned(transfer, reason, now);
                record(transfer, heardBy, "RETURNED", detail, now);
                return true;
            }
            default -> throw new IllegalArgumentException("not a final outcome: " + status.outcome());
        }
    }

    /** The transfer failed, or was refused before sending: no money moved; its kind says so. */
    public void fail(T transfer, String code, String reason, Instant now) {
        if (transfer.state().inFlight()) {
            transfer.failed(code, reason, now);
        }
        kind.failed(transfer, code, reason, now);
    }

    private void succeed(T transfer, TransferStatus status, TransferEvent.Step heardBy, String detail, Instant now) {
        Instant completedAt = (status.completedAt() == null ? now : status.completedAt()).truncatedTo(ChronoUnit.MICROS);
        transfer.succeeded(status.channelTransactionId(), completedAt);
        record(transfer, heardBy, "SUCCESS", detail, now);
        kind.succeeded(transfer, now);
    }

    private boolean unchanged(T transfer, TransferEvent.Step heardBy, boolean agrees, TransferStatus status,
                              String detail, Instant now) {
        if (!agrees) {
            log.error("channel now reports {} for {}, already {}: not applied", status.outcome(), kind.label(transfer),
                    transfer.state());
        }
        record(transfer, heardBy, agrees ? "DUPLICATE" : "CONTRADICTS_" + transfer.state(), detail, now);
        return false;
    }

    private void record(T transfer, TransferEvent.Step heardBy, String outcome, String detail, Instant now) {
        kind.record(transfer.transferId(), heardBy.name(), outcome, detail, now);
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
