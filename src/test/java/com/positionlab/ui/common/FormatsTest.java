package com.positionlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void compactAmountsStepThroughThousandsMillionsBillionsThenPowersOfTen() {
        assertThat(Formats.compact(950)).isEqualTo("950");
        assertThat(Formats.compact(12_500)).isEqualTo("12.5k");
        assertThat(Formats.compact(3_200_000)).isEqualTo("3.2M");
        assertThat(Formats.compact(4.1e9)).isEqualTo("4.1B");
        assertThat(Formats.compact(3.1623e12)).isEqualTo("3.2×10¹²");
        assertThat(Formats.compact(1e33)).isEqualTo("1×10³³");
        assertThat(Formats.compact(9.99e14)).isEqualTo("1×10¹⁵");
    }

    @Test
    void tinyAmountsAreAPowerOfTenAndThereIsNoMinusZero() {
        assertThat(Formats.compact(0.003)).isEqualTo("3×10⁻³");
        assertThat(Formats.compact(-0.0)).isEqualTo("0");
        assertThat(Formats.compact(-0.0004)).isEqualTo("-4×10⁻⁴");
        assertThat(Formats.compact(Double.POSITIVE_INFINITY)).isEqualTo("—");
    }

    @Test
    void pricesHaveOnePrecisionAndChangesASign() {
        assertThat(Formats.price(166.8068)).isEqualTo("166.81");
        assertThat(Formats.price(0.0523)).isEqualTo("0.0523");
        assertThat(Formats.signedPercent(0.0123)).isEqualTo("+1.23%");
        assertThat(Formats.signedPercent(-0.005)).isEqualTo("-0.50%");
        assertThat(Formats.signedPercent(0.00001)).isEqualTo("0.00%");
    }
}
