package com.lendflow.creditdecision;

import com.lendflow.contracts.MessageType;
import com.lendflow.platform.messaging.Envelope;

/**
 * One type of command on credit-decision-service's command topic whose answer may need the credit
 * bureau, handled in steps so that no database transaction stays open while the bureau is asked
 * (see {@link CreditDecisionCommands}).
 */
public interface BureauBoundCommand<T extends Record> {

    MessageType<T> type();

    /** @throws com.lendflow.platform.messaging.MalformedMessageException when no retry can make the command usable */
    void refuseIfMalformed(Envelope envelope, T command);

    /** Step 1, inside the inbox's transaction: answer if possible; true when the bureau must be asked. */
    boolean begin(T command);

    /** For a redelivered command whose first handling did not finish (a crash while the bureau was asked). */
    boolean unfinished(T command);

    /** Steps 2 and 3: ask the bureau outside any transaction, then decide and answer in a new one. */
    void queryAndDecide(T command);
}
