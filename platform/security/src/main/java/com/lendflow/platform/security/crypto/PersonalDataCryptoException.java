package com.lendflow.platform.security.crypto;

/**
 * A stored value that cannot be decrypted, or a value that cannot be encrypted. The message says
 * which rule broke and never carries the plaintext, the stored value or a key, since it ends up
 * in logs.
 */
public class PersonalDataCryptoException extends RuntimeException {

    public PersonalDataCryptoException(String message) {
        super(message);
    }

    public PersonalDataCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
