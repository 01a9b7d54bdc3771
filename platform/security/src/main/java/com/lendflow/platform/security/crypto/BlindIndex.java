package com.lendflow.platform.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A searchable stand-in for a piece of personal data: HMAC-SHA256 of the value under a key of
 * its own, as lowercase hex. Equal values give equal indexes, so the index can sit in a unique
 * column and answer "is this ID number already registered?" while the value itself is stored
 * only encrypted. Without the key the index cannot be recomputed from a guess, which a plain
 * hash of an 18-digit ID number or an 11-digit mobile could.
 *
 * <p>Values are normalised first (surrounding whitespace removed, upper-cased), so
 * {@code " 11010519491231002x "} and {@code "11010519491231002X"} index alike. Anything more
 * (a {@code +86} prefix, spaces inside a card number) is the caller's to normalise. Thread-safe.
 */
public final class BlindIndex {

    static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKey key;

    /** @param key at least 32 bytes; changing it means recomputing every stored index */
    public BlindIndex(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a blind-index key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The index of {@code value}; {@code null} stays {@code null}. */
    public String of(String value) {
        if (value == null) {
            return null;
        }
        String normalised = value.strip().toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new PersonalDataCryptoException("cannot compute a blind index: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "BlindIndex[" + ALGORITHM + "]";
    }
}
