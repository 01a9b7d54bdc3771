package com.lendflow.antifraud;

import com.lendflow.contracts.MessageType;
import com.lendflow.platform.messaging.Envelope;

/**
 * One type of command on antifraud-service's command topic and what it does, run by
 * {@link AntifraudCommands} inside the inbox's transaction, so the effect, the reply in the outbox
 * and the message id commit together.
 */
public interface CommandHandler<T extends Record> {

    MessageType<T> type();

    /** @throws com.lendflow.platform.messaging.MalformedMessageException when no retry can make the command usable */
    void handle(Envelope envelope, T command);
}
