package com.lendflow.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.UUID;

/** The RSA key that signs every token (RS256), from configuration or made up for a local run. */
final class SigningKey {

    private static final int MINIMUM_BITS = 2048;
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private SigningKey() {
    }

    static RSAKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MINIMUM_BITS);
            KeyPair pair = generator.generateKeyPair();
            return jwk((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate(), UUID.randomUUID().toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    /**
     * Reads a PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). Line breaks and spaces are ignored, so the
     * key survives being squeezed into one line of an environment variable.
     */
    static RSAKey fromPem(String pem, String keyId) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("lendflow.auth.signing-key-id is required with lendflow.auth.signing-key");
        }
        String text = pem.strip();
        if (text.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("lendflow.auth.signing-key is a PKCS#1 key; convert it to PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
        }
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException("lendflow.auth.signing-key must be a PEM between '" + BEGIN + "' and '" + END + "'");
        }
        RSAPrivateCrtKey privateKey = decode(text.substring(BEGIN.length(), text.length() - END.length()));
        if (privateKey.getModulus().bitLength() < MINIMUM_BITS) {
            throw new IllegalArgumentException("lendflow.auth.signing-key has " + privateKey.getModulus().bitLength()
                    + " bits; RS256 keys need at least " + MINIMUM_BITS);
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return jwk(publicKey, privateKey, keyId.strip());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key of lendflow.auth.signing-key", e);
        }
    }

    private static RSAPrivateCrtKey decode(String base64) {
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64))) instanceof RSAPrivateCrtKey key) {
                return key;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The cause's message is left out: it may quote the key's bytes, which are the secret.
            throw new IllegalArgumentException("lendflow.auth.signing-key is not a readable RSA private key ("
                    + e.getClass().getSimpleName() + ")");
        }
        throw new IllegalArgumentException("lendflow.auth.signing-key lacks its public exponent (not an RSA CRT key)");
    }

    private static RSAKey jwk(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey, String keyId) {
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }
}
