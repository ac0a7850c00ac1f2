package com.positionlab.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/**
 * {@link Atr} against a hand computation on 16 bars: true ranges including gaps over the previous close,
 * the first ATR(14) as the mean of 14 true ranges, then two Wilder steps.
 */
class AtrTest {

    private static final double EXACT = 1e-12;

    // bar:               0    1    2    3    4     5      6..13 (eight identical bars)       14   15
    static final double[] HIGH = {101, 103, 102, 101, 99, 100, 100.5, 100.5, 100.5, 100.5, 100.5, 100.5, 100.5,
        100.5, 104, 102};
    static final double[] LOW = {99, 101, 100, 97, 98, 99, 98.5, 98.5, 98.5, 98.5, 98.5, 98.5, 98.5, 98.5, 101, 96};
    static final double[] CLOSE = {100, 102, 101, 98, 98.5, 99.5, 99.5, 99.5, 99.5, 99.5, 99.5, 99.5, 99.5, 99.5,
        103, 97};

    @Test
    void trueRangeTakesGapsOverThePreviousCloseIntoAccount() {
        double[] tr = Atr.trueRange(HIGH, LOW, CLOSE);
        // 0: H - L; 1: |103 - 100|; 3: |97 - 101|; 5: |100 - 98.5|; 14: |104 - 99.5|; 15: |96 - 103|
        assertThat(tr).containsExactly(new double[] {2, 3, 2, 4, 1, 1.5, 2, 2, 2, 2, 2, 2, 2, 2, 4.5, 7},
                within(EXACT));
    }

    @Test
    void wilderAtrMatchesTheHandComputation() {
        double[] atr = Atr.wilder(HIGH, LOW, CLOSE, 14);
        for (int t = 0; t < 13; t++) {
            assertThat(atr[t]).isNaN();
        }
        // mean of the first 14 true ranges: (2 + 3 + 2 + 4 + 1 + 1.5 + 8 x 2) / 14
        assertThat(atr[13]).isCloseTo(29.5 / 14, within(EXACT));
        // (29.5 / 14 x 13 + 4.5) / 14 = 446.5 / 196
        assertThat(atr[14]).isCloseTo(446.5 / 196, within(EXACT));
        // (446.5 / 196 x 13 + 7) / 14 = 7176.5 / 2744
        assertThat(atr[15]).isCloseTo(7176.5 / 2744, within(EXACT));
    }

    @Test
    void fewerBarsThanThePeriodGiveNoAtr() {
        double[] atr = Atr.wilder(new double[] {2, 3}, new double[] {1, 2}, new double[] {1.5, 2.5}, 14);
        assertThat(atr).hasSize(2).containsOnly(Double.NaN);
        assertThat(Atr.wilder(new double[0], new double[0], new double[0], 14)).isEmpty();
    }

    @Test
    void badBarsAreRejectedByName() {
        assertThatThrownBy(() -> Atr.trueRange(new double[] {1, 2}, new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("prices:");
        assertThatThrownBy(() -> Atr.trueRange(new double[] {1}, new double[] {2}, new double[] {1.5}))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("high:");
        assertThatThrownBy(() -> Atr.wilder(HIGH, LOW, CLOSE, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("atr_period:");
    }
}
