package com.lendflow.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    @Test
    void aConfiguredKeySignsUnderItsConfiguredKeyId() throws Exception {
        KeyPair pair = rsa(2048);

        RSAKey key = SigningKey.fromPem(pem(pair, "\n"), "lendflow-2026-01");

        assertThat(key.getKeyID()).isEqualTo("lendflow-2026-01");
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.toRSAPublicKey().getModulus()).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
        assertThat(key.isPrivate()).isTrue();
    }

    @Test
    void aKeySqueezedOntoOneLineOfAnEnvironmentVariableStillReads() throws Exception {
        RSAKey key = SigningKey.fromPem(pem(rsa(2048), " "), "k1");

        assertThat(key.getKeyID()).isEqualTo("k1");
    }

    @Test
    void aShortKeyOrAPkcs1KeyIsRefusedWithTheFix() throws Exception {
        assertThatThrownBy(() -> SigningKey.fromPem(pem(rsa(1024), "\n"), "k1"))
                .hasMessageContaining("1024 bits");
        assertThatThrownBy(() -> SigningKey.fromPem("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----", "k1"))
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair pair, String lineBreak) {
        String body = Base64.getMimeEncoder(64, lineBreak.getBytes()).encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----" + lineBreak + body + lineBreak + "-----END PRIVATE KEY-----";
    }
}
