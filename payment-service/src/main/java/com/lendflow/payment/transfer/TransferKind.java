package com.lendflow.payment.transfer;

import com.lendflow.payment.channel.PaymentChannel;
import com.lendflow.payment.channel.PaymentChannel.Submission;
import com.lendflow.payment.channel.PaymentChannel.TransferOrder;
import com.lendflow.payment.channel.PaymentChannel.TransferStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What one kind of transfer (a payout, a collection) adds to the transfer core: where its transfers
 * and their event log are, which way the money goes, and what its outcomes mean to the rest of
 * Lendflow. The hooks run in the core's transaction, with the transfer locked.
 */
public interface TransferKind<T extends ChannelTransfer> {

    /** The word in a failure reason: "channel X failed the transfer", "... the collection". */
    String what();

    /** How a transfer is named in the logs: its request number and whose it is. */
    String label(T transfer);

    ChannelTransfers<T> transfers();

    Timing timing();

    /** Adds to the transfer's event log. */
    void record(UUID transferId, String kind, String outcome, String detail, Instant now);

    /** Hands the transfer to the channel: a payout or a collection. */
    Submission submit(PaymentChannel channel, TransferOrder order);

    /** The channel's final words this kind of transfer hears: SUCCESS and FAILED, and for some RETURNED. */
    Set<TransferStatus.Outcome> finalOutcomes();

    /** The channel's failure code in this kind's words. */
    String failureCode(String channelCode);

    /** It succeeded: say so. */
    void succeeded(T transfer, Instant now);

    /** It failed (or was refused before sending): say so. */
    void failed(T transfer, String code, String reason, Instant now);

    /** The channel gave the money back (only where {@link #finalOutcomes()} has RETURNED). */
    default void returned(T transfer, String reason, Instant now) {
        throw new IllegalArgumentException("not a final outcome for " + transfer.noun() + " "
                + transfer.transferId() + ": RETURNED");
    }

    /**
     * Whether a transfer the channel never heard of fails as if the channel had failed it (its reason
     * names the channel's failure, and the log has a FAILED line) rather than with the bare reason.
     */
    default boolean noRecordIsChannelFailure() {
        return false;
    }

    /**
     * The rhythm of sending and querying.
     *
     * @param callbackWait     how long a submitted transfer waits for its callback before it is queried
     * @param queryInterval    the first pause between queries (they back off exponentially)
     * @param maxQueryInterval the longest pause between queries
     * @param stuckAfter       a transfer still being sent after this long lost its caller mid-call: queried, never resent
     * @param notFoundAfter    a transfer the channel still has no record of after this long never reached it: failed
     */
    record Timing(Duration callbackWait, Duration queryInterval, Duration maxQueryInterval, Duration stuckAfter,
                  Duration notFoundAfter) {
    }
}
