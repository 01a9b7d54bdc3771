package com.lendflow.simulator.channel;

import java.util.List;

/** What the channel's own books say about finished transfers: what its statements are drawn from. */
public interface TransferHistory {

    /**
     * Every transfer that completed (settled SUCCESS or FAILED) or was returned in
     * {@code [from, to)}, as it stands now; a transfer still PROCESSING is not there.
     */
    List<CompletedTransfer> completedOrReturnedBetween(java.time.Instant from, java.time.Instant to);
}
