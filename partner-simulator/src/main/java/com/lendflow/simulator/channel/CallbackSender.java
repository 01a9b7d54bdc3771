package com.lendflow.simulator.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts transfer outcomes to the payer's callback URL, signed as a real channel signs them:
 * {@code X-Channel-Signature: sha256=<hex HMAC-SHA256 of the raw body under the shared secret>}.
 * A callback that fails is not retried: the payer is expected to query.
 */
@Component
class CallbackSender implements DisposableBean {

    static final String SIGNATURE_HEADER = "X-Channel-Signature";

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sim-channel-callbacks").daemon().factory());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ChannelSettings settings;

    CallbackSender(ChannelSettings settings) {
        this.settings = settings;
    }

    /** Sends {@code callback} to {@code url} after {@code delay}; {@code afterSending} learns the HTTP status (or -1). */
    void sendLater(URI url, TransferCallback callback, Duration delay, java.util.function.IntConsumer afterSending) {
        timer.schedule(() -> {
            int status = send(url, callback);
            afterSending.accept(status);
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private int send(URI url, TransferCallback callback) {
        byte[] body = json.writeValueAsBytes(callback);
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, "sha256=" + sign(settings.callbackSecret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            log.info("callback for transfer {} ({}) answered {}", callback.requestNo(), callback.status(),
                    response.statusCode());
            return response.statusCode();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("callback for transfer {} to {} failed: {}", callback.requestNo(), url, e.toString());
            return -1;
        }
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
