package com.lendflow.platform.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    static final String ID_NUMBER = "11010519491231002X";
    static final String MOBILE = "13812345678";

    final byte[] k1 = TestKeys.aes256();
    final byte[] k2 = TestKeys.aes256();
    final PersonalDataCipher underK1 = new PersonalDataCipher(Map.of("k1", k1), "k1");

    @Test
    void idNumbersMobilesAndChineseNamesComeBackAsTheyWent() {
        for (String personalData : new String[] {ID_NUMBER, MOBILE, "张三", "欧阳娜娜", "6222021234567891234", ""}) {
            assertThat(underK1.decrypt(underK1.encrypt(personalData))).isEqualTo(personalData);
        }
    }

    @Test
    void theSameIdNumberNeverLooksTheSameTwiceAtRest() {
        assertThat(underK1.encrypt(ID_NUMBER)).isNotEqualTo(underK1.encrypt(ID_NUMBER));
    }

    @Test
    void storedValuesNameTheirKeyAndNeverContainThePlaintext() {
        String stored = underK1.encrypt("张三 " + MOBILE);

        assertThat(stored).startsWith("v1:k1:");
        assertThat(stored).doesNotContain(MOBILE).doesNotContain("张三");
        byte[] raw = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
        assertThat(new String(raw, StandardCharsets.UTF_8)).doesNotContain(MOBILE);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(MOBILE);
    }

    @Test
    void valuesWrittenUnderTheOldKeyStillDecryptAfterRotationAndNewValuesUseTheNewKey() {
        String storedBeforeRotation = underK1.encrypt(ID_NUMBER);

        PersonalDataCipher afterRotation = new PersonalDataCipher(Map.of("k1", k1, "k2", k2), "k2");

        assertThat(afterRotation.decrypt(storedBeforeRotation)).isEqualTo(ID_NUMBER);
        assertThat(afterRotation.needsReEncryption(storedBeforeRotation)).isTrue();
        String storedAfterRotation = afterRotation.encrypt(ID_NUMBER);
        assertThat(storedAfterRotation).startsWith("v1:k2:");
        assertThat(afterRotation.needsReEncryption(storedAfterRotation)).isFalse();
        assertThat(afterRotation.decrypt(storedAfterRotation)).isEqualTo(ID_NUMBER);
    }

    @Test
    void aValueWhoseKeyWasRetiredTooEarlyIsRefusedNamingTheKeyButNotTheData() {
        String storedUnderK1 = underK1.encrypt(ID_NUMBER);
        PersonalDataCipher k1Retired = new PersonalDataCipher(Map.of("k2", k2), "k2");

        assertThatThrownBy(() -> k1Retired.decrypt(storedUnderK1))
                .isInstanceOf(PersonalDataCryptoException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining("not configured")
                .hasMessageNotContaining(ID_NUMBER)
                .hasMessageNotContaining(storedUnderK1);
    }

    @Test
    void aStoredValueAlteredByOneByteIsRefused() {
        String stored = underK1.encrypt(ID_NUMBER);
        String prefix = "v1:k1:";
        byte[] raw = Base64.getDecoder().decode(stored.substring(prefix.length()));
        for (int position : new int[] {0, 12, raw.length - 1}) { // in the IV, the ciphertext, the tag
            byte[] altered = raw.clone();
            altered[position] ^= 0x01;
            String tampered = prefix + Base64.getEncoder().encodeToString(altered);

            assertThatThrownBy(() -> underK1.decrypt(tampered))
                    .isInstanceOf(PersonalDataCryptoException.class)
                    .hasMessageContaining("failed authentication")
                    .hasMessageNotContaining(ID_NUMBER);
        }
    }

    @Test
    void aStoredValueCannotBeRelabelledWithAnotherKeyIdEvenOneHoldingTheSameKey() {
        // An operator re-registers the same key material under a second id: without the key id
        // in the authenticated data, a relabelled value would still decrypt.
        PersonalDataCipher sameKeyTwice = new PersonalDataCipher(Map.of("k1", k1, "k1copy", k1), "k1");
        String stored = sameKeyTwice.encrypt(ID_NUMBER);
        String relabelled = stored.replaceFirst("^v1:k1:", "v1:k1copy:");

        assertThatThrownBy(() -> sameKeyTwice.decrypt(relabelled))
                .isInstanceOf(PersonalDataCryptoException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void aValueRelabelledWithAnotherKeysIdIsRefused() {
        PersonalDataCipher bothKeys = new PersonalDataCipher(Map.of("k1", k1, "k2", k2), "k1");
        String relabelled = bothKeys.encrypt(ID_NUMBER).replaceFirst("^v1:k1:", "v1:k2:");

        assertThatThrownBy(() -> bothKeys.decrypt(relabelled)).isInstanceOf(PersonalDataCryptoException.class);
    }

    @Test
    void plaintextLeftInAColumnIsRefusedWithoutBeingEchoed() {
        assertThatThrownBy(() -> underK1.decrypt(ID_NUMBER))
                .isInstanceOf(PersonalDataCryptoException.class)
                .hasMessageContaining("not encrypted personal data")
                .hasMessageNotContaining(ID_NUMBER);
        assertThatThrownBy(() -> underK1.decrypt("v1:k1:not base64!"))
                .isInstanceOf(PersonalDataCryptoException.class)
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> underK1.decrypt("v1:k1:AAAA"))
                .isInstanceOf(PersonalDataCryptoException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void absentPersonalDataStaysAbsent() {
        assertThat(underK1.encrypt(null)).isNull();
        assertThat(underK1.decrypt(null)).isNull();
    }

    @Test
    void aCipherIsNeverBuiltOnAShortKeyOrWithoutItsActiveKey() {
        assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k1", new byte[16]), "k1"))
                .hasMessageContaining("32-byte");
        assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k1", k1), "k2"))
                .hasMessageContaining("'k2'");
        assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k:1", k1), "k:1"))
                .hasMessageContaining("key id");
    }

    @Test
    void neitherKeysNorDataShowInItsDescription() {
        assertThat(underK1.toString()).contains("k1").doesNotContain(Base64.getEncoder().encodeToString(k1));
    }
}
