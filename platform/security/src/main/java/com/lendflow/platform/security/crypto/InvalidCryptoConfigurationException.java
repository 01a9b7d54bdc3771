package com.lendflow.platform.security.crypto;

/**
 * The {@code lendflow.crypto.*} settings cannot protect personal data, so the service refuses
 * to start rather than store it in a way it could not read back, or not protected at all.
 */
public class InvalidCryptoConfigurationException extends IllegalStateException {

    public InvalidCryptoConfigurationException(String message) {
        super(message);
    }
}
