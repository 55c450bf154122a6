package com.consumer360.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for numbers: amounts with two decimals, currency in the label, changes signed with U+2212. */
class FormatsTest {

    @Test
    void changesAreSignedWithTheMinusSignNeverAHyphen() {
        assertThat(Formats.signed(-1234L)).isEqualTo("−1,234");
        assertThat(Formats.signed(12L)).isEqualTo("+12");
        assertThat(Formats.signed(0L)).isEqualTo("±0");
        assertThat(Formats.signedMoney(-2983.575)).isEqualTo("−2,983.58");
        assertThat(Formats.signedMoney(2983.57)).isEqualTo("+2,983.57");
        assertThat(Formats.signedMoney(-0.001)).as("shows as zero: no sign").isEqualTo("±0.00");
        assertThat(Formats.signedPercent(-0.0251)).isEqualTo("−2.5 %");
        assertThat(Formats.signedPercent(0.025)).isEqualTo("+2.5 %");
        assertThat(Formats.signedPercent(-0.0001)).isEqualTo("±0.0 %");
        assertThat(String.join("", Formats.signed(-5L), Formats.signedMoney(-5), Formats.signedPercent(-0.5)))
                .doesNotContain("-");
    }

    @Test
    void aShareOfSomeoneIsNeverZeroPercent() {
        assertThat(Formats.wholeShare(1.0 / 600)).isEqualTo("<1 %");
        assertThat(Formats.wholeShare(0.005)).as("rounds half to even: still someone").isEqualTo("<1 %");
        assertThat(Formats.wholeShare(0.0051)).isEqualTo("1 %");
        assertThat(Formats.wholeShare(0.126)).isEqualTo("13 %");
        assertThat(Formats.wholeShare(0)).isEqualTo("0 %");
    }

    @Test
    void amountsNameTheirCurrencyOnceInTheLabel() {
        assertThat(Formats.withCurrency("Revenue")).isEqualTo("Revenue (£)");
        assertThat(Formats.money(1234.5)).isEqualTo("1,234.50");
    }
}
