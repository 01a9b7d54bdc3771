package com.lendflow.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.messaging.*}: how the outbox relay and the consumers behave.
 *
 * @param relay         the outbox relay
 * @param retryAttempts deliveries of a failing message before it goes to the dead-letter topic
 * @param retryBackoff  pause between those deliveries
 * @param partitions    partitions of the topics a service declares
 * @param retention     how long handled messages are kept
 */
@ConfigurationProperties("lendflow.messaging")
public record MessagingProperties(
        @DefaultValue Relay relay,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("3") int partitions,
        @DefaultValue Retention retention) {

    /**
     * @param published how long a published outbox row is kept (for investigation), then deleted
     * @param inbox     how long a consumer remembers a handled message id; longer than any
     *                  redelivery can come (Kafka's retention), or a very late duplicate could act twice
     * @param every     how often the relay deletes what is past retention
     */
    public record Retention(
            @DefaultValue("7d") Duration published,
            @DefaultValue("30d") Duration inbox,
            @DefaultValue("10m") Duration every) {
    }

    /**
     * @param enabled      false stops the relay (messages stay in the outbox)
     * @param batchSize    messages per pass
     * @param pollInterval how long the relay sleeps when the outbox is empty and nobody woke it
     * @param sendTimeout  how long a batch waits for the broker's acknowledgements
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500") int batchSize,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("30s") Duration sendTimeout) {
    }
}
