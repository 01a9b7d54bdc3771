package com.lendflow.platform.security.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data (ID numbers, mobiles, card numbers, real names) before it is stored,
 * with AES-256-GCM: a fresh random 12-byte IV per value and a 128-bit authentication tag, so
 * equal values never look equal at rest and an altered value is refused rather than misread.
 *
 * <p>A stored value names the key that encrypted it, {@code v1:<keyId>:<base64(iv || ciphertext
 * and tag)>}, so keys can rotate: new values use the active key, and values written under an
 * older key still decrypt for as long as that key is configured. The key id is authenticated
 * data, so a value cannot be relabelled to another key id, even one holding the same key.
 *
 * <p>Equality lookups ("is this ID number registered?") cannot use these values; store a
 * {@link BlindIndex} next to them. Thread-safe.
 */
public final class PersonalDataCipher {

    /** What a key id may look like: it sits between colons in every stored value. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int KEY_BYTES = 32;

    private static final String VERSION = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys        key id → 32-byte AES-256 key; every key some stored value still uses
     * @param activeKeyId the key that encrypts new values
     */
    public PersonalDataCipher(Map<String, byte[]> keys, String activeKeyId) {
        Objects.requireNonNull(keys, "keys");
        Map<String, SecretKey> specs = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id must be 1 to 64 letters, digits, '_' or '-'");
            }
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key '" + id + "' is not a 32-byte AES-256 key");
            }
            specs.put(id, new SecretKeySpec(key, "AES"));
        });
        if (activeKeyId == null || !specs.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key id '" + activeKeyId + "' is not one of " + specs.keySet());
        }
        this.keys = Collections.unmodifiableMap(specs);
        this.activeKeyId = activeKeyId;
    }

    /** The stored form of {@code plaintext}, under the active key; {@code null} stays {@code null}. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataCryptoException("cannot encrypt under key '" + activeKeyId + "': " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The plaintext of a value {@link #encrypt} produced, under whichever configured key it
     * names; {@code null} stays {@code null}.
     *
     * @throws PersonalDataCryptoException if the value is not in the stored form, names a key
     *                                     that is not configured, or was altered
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        String keyId = keyIdOf(stored);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new PersonalDataCryptoException("personal data was encrypted under key id '" + keyId
                    + "', which is not configured (configured: " + keys.keySet()
                    + "); a retired key must stay in lendflow.crypto.keys until no stored value uses it");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(stored.substring(VERSION.length() + keyId.length() + 2));
        } catch (IllegalArgumentException e) {
            throw new PersonalDataCryptoException("encrypted personal data under key '" + keyId + "' is not valid base64");
        }
        if (payload.length < IV_BYTES + TAG_BYTES) {
            throw new PersonalDataCryptoException("encrypted personal data under key '" + keyId + "' is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] plaintext = cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PersonalDataCryptoException("encrypted personal data failed authentication under key '" + keyId
                    + "': it was altered, relabelled with another key id, or that key id now holds a different key");
        } catch (GeneralSecurityException e) {
            throw new PersonalDataCryptoException("cannot decrypt personal data under key '" + keyId + "': "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Whether a stored value was written under a key other than the active one, so that a
     * rotation job can re-encrypt it ({@code encrypt(decrypt(stored))}) before the old key is
     * retired.
     */
    public boolean needsReEncryption(String stored) {
        return stored != null && !activeKeyId.equals(keyIdOf(stored));
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    private static String keyIdOf(String stored) {
        // The stored value may be anything a column holds, even plaintext not yet migrated: never echo it.
        int afterVersion = VERSION.length() + 1;
        int separator = stored.indexOf(':', afterVersion);
        if (!stored.startsWith(VERSION + ":") || separator < 0) {
            throw new PersonalDataCryptoException("not encrypted personal data: expected " + VERSION + ":<keyId>:<base64>");
        }
        String keyId = stored.substring(afterVersion, separator);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new PersonalDataCryptoException("encrypted personal data has a malformed key id");
        }
        return keyId;
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
