package com.lendflow.platform.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlindIndexTest {

    final BlindIndex index = new BlindIndex(TestKeys.hmac());

    @Test
    void anIdNumberTypedWithSpacesAndALowerCaseCheckLetterFindsTheRegisteredOne() {
        assertThat(index.of(" 11010519491231002x ")).isEqualTo(index.of("11010519491231002X"));
        assertThat(index.of("\u300011010519491231002x")).isEqualTo(index.of("11010519491231002X")); // full-width space
    }

    @Test
    void theIndexIsStableLowercaseHexSoItCanSitInAUniqueColumn() {
        String first = index.of("13812345678");

        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(index.of("13812345678")).isEqualTo(first);
        assertThat(index.of("13812345679")).isNotEqualTo(first);
    }

    @Test
    void anotherIndexKeyGivesAnotherIndexSoGuessesCannotBeCheckedWithoutTheKey() {
        BlindIndex otherKey = new BlindIndex(TestKeys.hmac());

        assertThat(otherKey.of("11010519491231002X")).isNotEqualTo(index.of("11010519491231002X"));
    }

    @Test
    void absentValuesHaveNoIndex() {
        assertThat(index.of(null)).isNull();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new BlindIndex(new byte[31])).hasMessageContaining("at least 32 bytes");
    }
}
