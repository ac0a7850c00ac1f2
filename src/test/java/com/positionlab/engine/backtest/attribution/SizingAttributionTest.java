package com.positionlab.engine.backtest.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/** {@link SizingAttribution} on trades worked out by hand. */
class SizingAttributionTest {

    /** Products of three or four factors, up to floating-point rounding. */
    private static final double HAND = 1e-12;

    @Test
    void largerSizesOnTheBetterTradesAddToTheResult() {
        // chosen: (1 + 0.5 x 0.10)(1 + 0.1 x -0.05)(1 + 0.3 x 0.20) = 1.05 x 0.995 x 1.06 = 1.107435
        // equal at f = 0.3: (1 + 0.3 x 0.10)(1 + 0.3 x -0.05)(1 + 0.3 x 0.20) = 1.03 x 0.985 x 1.06 = 1.075423
        SizingAttribution s = SizingAttribution.of(new double[] {0.10, -0.05, 0.20}, new double[] {0.5, 0.1, 0.3});
        assertThat(s.meanFraction()).isCloseTo(0.3, within(HAND));
        assertThat(s.chosenReturn()).isCloseTo(0.107435, within(HAND));
        assertThat(s.equalSizedReturn()).isCloseTo(0.075423, within(HAND));
        assertThat(s.fromSizing()).isCloseTo(0.032012, within(HAND));
    }

    @Test
    void largerSizesOnTheWorseTradesSubtract() {
        // chosen: (1 + 0.1 x 0.10)(1 + 0.5 x -0.05) = 1.01 x 0.975 = 0.98475
        // equal at f = 0.3: 1.03 x 0.985 = 1.01455
        SizingAttribution s = SizingAttribution.of(new double[] {0.10, -0.05}, new double[] {0.1, 0.5});
        assertThat(s.chosenReturn()).isCloseTo(-0.01525, within(HAND));
        assertThat(s.equalSizedReturn()).isCloseTo(0.01455, within(HAND));
        assertThat(s.fromSizing()).isCloseTo(-0.0298, within(HAND));
    }

    @Test
    void equalSizesAttributeNothingToSizing() {
        SizingAttribution s = SizingAttribution.of(new double[] {0.04, -0.02, 0.07, -0.01},
                new double[] {0.25, 0.25, 0.25, 0.25});
        assertThat(s.fromSizing()).isEqualTo(0.0);
        assertThat(s.chosenReturn()).isEqualTo(s.equalSizedReturn());
    }

    @Test
    void aTradeThatLosesAllTheEquityEndsTheSequence() {
        // twice levered into a 60% loss: 1 + 2 x -0.6 < 0, the account is gone whatever follows
        SizingAttribution s = SizingAttribution.of(new double[] {-0.6, 0.5}, new double[] {2, 1});
        assertThat(s.chosenReturn()).isEqualTo(-1.0);
        // at the mean 1.5: (1 - 0.9)(1 + 0.75) = 0.175
        assertThat(s.equalSizedReturn()).isCloseTo(-0.825, within(HAND));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> SizingAttribution.of(new double[0], new double[0]))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("trade_returns:");
        assertThatThrownBy(() -> SizingAttribution.of(new double[] {0.1, 0.2}, new double[] {0.5}))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("fractions:");
        assertThatThrownBy(() -> SizingAttribution.of(new double[] {0.1}, new double[] {-0.5}))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("fractions:");
        assertThatThrownBy(() -> SizingAttribution.of(new double[] {Double.NaN}, new double[] {0.5}))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("trade_returns:");
    }
}
