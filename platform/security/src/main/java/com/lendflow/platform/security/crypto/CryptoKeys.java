package com.lendflow.platform.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys from {@code lendflow.crypto.*}, checked before any personal data is touched: a service
 * that could not read back what it writes, or would write with a weak key, does not start.
 * Messages name the setting at fault and never its value.
 */
record CryptoKeys(Map<String, byte[]> encryptionKeys, String activeKeyId, byte[] indexKey) {

    private static final Logger log = LoggerFactory.getLogger(CryptoKeys.class);

    static final String DEV_KEY_ID = "dev";

    static CryptoKeys from(CryptoProperties properties) {
        if (properties.keys().isEmpty()) {
            if (!properties.allowDevKeys()) {
                throw new InvalidCryptoConfigurationException("lendflow.crypto.keys is not set: personal data cannot be "
                        + "encrypted without keys (lendflow.crypto.allow-dev-keys=true derives development keys, "
                        + "for local runs and tests only)");
            }
            return devKeys(properties);
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        new TreeMap<>(properties.keys()).forEach((id, encoded) -> {
            if (!PersonalDataCipher.KEY_ID.matcher(id).matches()) {
                throw new InvalidCryptoConfigurationException("lendflow.crypto.keys: key id '" + id
                        + "' must be 1 to 64 letters, digits, '_' or '-'");
            }
            byte[] key = decode("lendflow.crypto.keys." + id, encoded);
            if (key.length != PersonalDataCipher.KEY_BYTES) {
                throw new InvalidCryptoConfigurationException("lendflow.crypto.keys." + id + " must be base64 of exactly "
                        + PersonalDataCipher.KEY_BYTES + " bytes for AES-256, but it decodes to " + key.length + " bytes");
            }
            keys.put(id, key);
        });
        String active = properties.activeKeyId();
        if (active == null || active.isBlank()) {
            throw new InvalidCryptoConfigurationException("lendflow.crypto.active-key-id is not set: name the key of "
                    + "lendflow.crypto.keys " + keys.keySet() + " that encrypts new values");
        }
        if (!keys.containsKey(active)) {
            throw new InvalidCryptoConfigurationException("lendflow.crypto.active-key-id '" + active
                    + "' is not one of lendflow.crypto.keys " + keys.keySet());
        }
        if (properties.indexKey() == null || properties.indexKey().isBlank()) {
            throw new InvalidCryptoConfigurationException("lendflow.crypto.index-key is not set: blind indexes need "
                    + "a key of their own (base64 of at least " + BlindIndex.MIN_KEY_BYTES + " bytes)");
        }
        return new CryptoKeys(keys, active, indexKey(properties.indexKey()));
    }

    /**
     * Fixed keys derived from public strings: anyone can decrypt what they protect, which is
     * fine for a laptop or a test database and nowhere else, hence the warning on every start.
     */
    private static CryptoKeys devKeys(CryptoProperties properties) {
        log.warn("lendflow.crypto.keys is not set and lendflow.crypto.allow-dev-keys=true: personal data is encrypted "
                + "with DEVELOPMENT keys derived from public constants. Never use this with real customer data.");
        byte[] indexKey = properties.indexKey() == null || properties.indexKey().isBlank()
                ? sha256("lendflow development blind-index key")
                : indexKey(properties.indexKey());
        return new CryptoKeys(Map.of(DEV_KEY_ID, sha256("lendflow development personal-data key")), DEV_KEY_ID, indexKey);
    }

    private static byte[] indexKey(String encoded) {
        byte[] key = decode("lendflow.crypto.index-key", encoded);
        if (key.length < BlindIndex.MIN_KEY_BYTES) {
            throw new InvalidCryptoConfigurationException("lendflow.crypto.index-key must be base64 of at least "
                    + BlindIndex.MIN_KEY_BYTES + " bytes, but it decodes to " + key.length + " bytes");
        }
        return key;
    }

    private static byte[] decode(String property, String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw new InvalidCryptoConfigurationException(property + " is empty");
        }
        try {
            return Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCryptoConfigurationException(property + " is not valid base64");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    PersonalDataCipher cipher() {
        return new PersonalDataCipher(encryptionKeys, activeKeyId);
    }

    BlindIndex blindIndex() {
        return new BlindIndex(indexKey);
    }

    @Override
    public String toString() {
        return "CryptoKeys[keyIds=" + encryptionKeys.keySet() + ", activeKeyId=" + activeKeyId + "]";
    }
}
