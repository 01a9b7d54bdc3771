package com.lendflow.platform.security.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.crypto.*}: the keys that protect personal data at rest. Keys come from the
 * environment (a secret store in production), never from a file in the repository. Name keys
 * with lower-case letters and digits ({@code k2025a}): an environment variable such as
 * {@code LENDFLOW_CRYPTO_KEYS_K2025A} binds as key id {@code k2025a}, and the id is written into
 * every stored value, so it must never change.
 *
 * @param keys          key id → base64 of a 32-byte AES-256 key; every key that ever encrypted a
 *                      value stays here until no stored value uses it any more
 * @param activeKeyId   the key id that encrypts new values
 * @param indexKey      base64 of at least 32 bytes, the HMAC key of blind indexes; it never rotates
 *                      without re-indexing every row, since the index sits in unique columns
 * @param allowDevKeys  local runs and tests only: with no {@code keys} configured, derive fixed,
 *                      publicly known keys instead of refusing to start
 */
@ConfigurationProperties("lendflow.crypto")
public record CryptoProperties(
        @DefaultValue Map<String, String> keys,
        String activeKeyId,
        String indexKey,
        @DefaultValue("false") boolean allowDevKeys) {

    /** Keys stay out of logs and actuator output, even when someone prints the properties. */
    @Override
    public String toString() {
        return "CryptoProperties[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId
                + ", indexKey=" + (indexKey == null ? "unset" : "***") + ", allowDevKeys=" + allowDevKeys + "]";
    }
}
