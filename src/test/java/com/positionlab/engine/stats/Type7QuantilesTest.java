package com.positionlab.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.positionlab.engine.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** Type-7 quantiles against numpy.quantile's default (linear) method on small arrays. */
class Type7QuantilesTest {

    private static final double EXACT = 1e-15;

    @Test
    void matchesNumpyOnOneToTen() {
        double[] x = {10, 3, 7, 1, 9, 2, 8, 4, 6, 5};
        // numpy.quantile(np.arange(1, 11), [0.05, 0.5, 0.9, 0, 1, 0.33]) = [1.45, 5.5, 9.1, 1, 10, 3.97]
        assertThat(Quantiles.type7(x, 0.05)).isCloseTo(1.45, within(EXACT));
        assertThat(Quantiles.type7(x, 0.5)).isCloseTo(5.5, within(EXACT));
        assertThat(Quantiles.type7(x, 0.9)).isCloseTo(9.1, within(EXACT));
        assertThat(Quantiles.type7(x, 0.0)).isEqualTo(1.0);
        assertThat(Quantiles.type7(x, 1.0)).isEqualTo(10.0);
        assertThat(Quantiles.type7(x, 0.33)).isCloseTo(3.97, within(1e-14));
    }

    @Test
    void matchesNumpyOnReturns() {
        double[] r = {0.03, -0.02, 0.01, -0.05, 0.0, 0.02, -0.01};
        // numpy.quantile(r, [0.05, 0.1, 0.25, 0.5]) = [-0.041, -0.032, -0.015, 0.0]
        assertThat(Quantiles.type7(r, 0.05)).isCloseTo(-0.041, within(EXACT));
        assertThat(Quantiles.type7(r, 0.1)).isCloseTo(-0.032, within(EXACT));
        assertThat(Quantiles.type7(r, 0.25)).isCloseTo(-0.015, within(EXACT));
        assertThat(Quantiles.type7(r, 0.5)).isEqualTo(0.0);
        assertThat(Quantiles.type7(new double[] {0.01, -0.04}, 0.05)).isCloseTo(-0.0375, within(EXACT));
    }

    @Test
    void leavesTheInputAlone() {
        double[] x = {3, 1, 2};
        Quantiles.type7(x, 0.5);
        assertThat(x).containsExactly(3, 1, 2);
    }

    @Test
    void oneValueIsEveryQuantile() {
        assertThat(Quantiles.type7(new double[] {0.7}, 0.05)).isEqualTo(0.7);
        assertThat(Quantiles.type7Sorted(new double[] {0.7}, 1)).isEqualTo(0.7);
    }

    @Test
    void refusesEmptyInputNaNAndProbabilitiesOutsideZeroOne() {
        assertThatThrownBy(() -> Quantiles.type7(new double[0], 0.5)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Quantiles.type7(new double[] {1, Double.NaN}, 0.5))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Quantiles.type7(new double[] {1, 2}, 1.5))
                .hasMessage("probability: must be in [0, 1], got 1.5");
    }
}
