package com.lendflow.platform.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void aMobileShowsItsNetworkAndLastFourDigits() {
        assertThat(Mask.mobile("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void anIdNumberShowsItsProvinceAndLastFourCharacters() {
        assertThat(Mask.idNumber("11010519491231002X")).isEqualTo("110***********002X");
    }

    @Test
    void aCardNumberShowsItsFirstAndLastFourDigits() {
        assertThat(Mask.cardNumber("6222021234567891234")).isEqualTo("6222 **** **** 1234");
    }

    @Test
    void aNameHidesItsFamilyName() {
        assertThat(Mask.name("张三")).isEqualTo("*三");
        assertThat(Mask.name("欧阳娜娜")).isEqualTo("*阳娜娜");
        assertThat(Mask.name("𠀋一")).isEqualTo("*一");
    }

    @Test
    void valuesTooShortToMaskRevealNothing() {
        assertThat(Mask.mobile("138")).isEqualTo("****");
        assertThat(Mask.idNumber(null)).isEqualTo("****");
        assertThat(Mask.cardNumber("1234")).isEqualTo("****");
        assertThat(Mask.name("")).isEqualTo("*");
    }
}
