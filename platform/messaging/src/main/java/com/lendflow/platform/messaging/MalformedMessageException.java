package com.lendflow.platform.messaging;

/**
 * A message that can never be handled, however often it is retried: not JSON, not an envelope,
 * or a schema version this consumer does not know. It goes straight to the dead-letter topic.
 */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
