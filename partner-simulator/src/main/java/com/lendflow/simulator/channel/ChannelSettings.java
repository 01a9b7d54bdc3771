package com.lendflow.simulator.channel;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.simulator.channel.*}: how the simulated payment channel behaves when nobody asked
 * it to misbehave.
 *
 * @param callbackSecret shared secret of the HMAC-SHA256 signature on every callback
 *                       ({@code X-Channel-Signature}); the payment service holds the same one
 * @param callbackUrl    where transfer outcomes go when a transfer request names no callback URL
 * @param settleAfter    how long a transfer stays PROCESSING before it settles and the callback goes
 * @param smsUrl         the SMS gateway that carries binding codes; unset means this simulator's own
 * @param codeValidity   how long a binding code can be confirmed
 */
@ConfigurationProperties("lendflow.simulator.channel")
record ChannelSettings(
        @DefaultValue("sim-channel-callback-secret") String callbackSecret,
        URI callbackUrl,
        @DefaultValue("200ms") Duration settleAfter,
        URI smsUrl,
        @DefaultValue("5m") Duration codeValidity) {
}
