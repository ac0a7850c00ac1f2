package com.positionlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void formatsWithTheStatedDecimalsWhateverTheLocale() {
        assertThat(Reasons.pct(0.1234)).isEqualTo("12.34%");
        assertThat(Reasons.pct1(0.125)).isEqualTo("12.5%");
        assertThat(Reasons.pct1(0.2)).isEqualTo("20.0%");
        assertThat(Reasons.fmt(0.4)).isEqualTo("0.4000");
        assertThat(Reasons.fmt(-0.56381)).isEqualTo("-0.5638");
        assertThat(Reasons.amount(25)).isEqualTo("25.00");
        assertThat(Reasons.amount(1234567.891)).isEqualTo("1234567.89");
        assertThat(Reasons.fixed(2.5, 0)).isEqualTo("3");
    }

    @Test
    void aTinyNegativeRoundsToZeroWithoutASignAndNonFiniteIsSpelledOut() {
        assertThat(Reasons.fmt(-0.00001)).isEqualTo("0.0000");
        assertThat(Reasons.fmt(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(Reasons.pct(Double.NaN)).isEqualTo("NaN%");
    }
}
