package com.lendflow.payment.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Checks that a callback came from the channel: {@code X-Channel-Signature: sha256=<hex>} must be
 * the HMAC-SHA256 of the raw body under the shared secret, compared in constant time.
 */
@Component
public class CallbackSignature {

    public static final String HEADER = "X-Channel-Signature";
    private static final String PREFIX = "sha256=";

    private final ChannelProperties properties;

    CallbackSignature(ChannelProperties properties) {
        this.properties = properties;
    }

    public boolean verifies(byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, sign(properties.callbackSecret(), body));
    }

    static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
