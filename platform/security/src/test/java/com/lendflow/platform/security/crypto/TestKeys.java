package com.lendflow.platform.security.crypto;

import java.security.SecureRandom;

/** Fresh random keys, as an operator would generate them with {@code openssl rand 32}. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static byte[] aes256() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static byte[] hmac() {
        return aes256();
    }
}
