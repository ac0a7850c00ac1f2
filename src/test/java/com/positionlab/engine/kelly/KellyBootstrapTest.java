package com.positionlab.engine.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/**
 * {@link KellyBootstrap}: the percentile interval contains the point estimate, narrows roughly as
 * 1 / sqrt(n) with more trades of the same distribution, and is identical for the same seed.
 */
class KellyBootstrapTest {

    private static final int B = KellyBootstrap.MIN_RESAMPLES;

    /** Trades that win +200 with probability 0.55 and lose -100 otherwise (true Kelly 0.325). */
    static double[] trades(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] pnl = new double[n];
        for (int i = 0; i < n; i++) {
            pnl[i] = random.nextDouble() < 0.55 ? 200 : -100;
        }
        return pnl;
    }

    @Test
    void intervalContainsThePointEstimate() {
        double[] pnl = EdgeStatisticsTest.sixWinsFourLosses();
        BootstrapInterval ci = KellyBootstrap.interval(pnl, 0.95, B, 7L);
        assertThat(ci.isDefined()).isTrue();
        assertThat(ci.resamples()).isEqualTo(B);
        assertThat(ci.confidenceLevel()).isEqualTo(0.95);
        assertThat(ci.contains(0.4)).isTrue();
        assertThat(ci.toInterval()).isEqualTo(new Interval(ci.lowerBound(), ci.upperBound(), 0.95));
        assertThat(ci.lowerBound()).isLessThan(0.4);
        assertThat(ci.upperBound()).isGreaterThan(0.4).isLessThanOrEqualTo(1.0);

        double[] many = trades(500, 3L);
        double point = EdgeStatistics.of(many).kelly();
        assertThat(KellyBootstrap.interval(many, 0.95, B, 11L).contains(point)).isTrue();
    }

    @Test
    void intervalNarrowsWithMoreTrades() {
        double small = KellyBootstrap.interval(trades(50, 1L), 0.95, B, 5L).width();
        double large = KellyBootstrap.interval(trades(2000, 1L), 0.95, B, 5L).width();
        // the width shrinks like 1 / sqrt(n): sqrt(2000 / 50) = 6.3
        assertThat(large).isPositive().isLessThan(small / 4);
    }

    @Test
    void higherConfidenceGivesAWiderInterval() {
        double[] pnl = trades(200, 2L);
        assertThat(KellyBootstrap.interval(pnl, 0.99, B, 5L).width())
                .isGreaterThan(KellyBootstrap.interval(pnl, 0.80, B, 5L).width());
    }

    @Test
    void sameSeedGivesTheSameInterval() {
        SplittableRandom random = new SplittableRandom(4L);
        double[] pnl = new double[100];
        for (int i = 0; i < pnl.length; i++) {
            double size = 0.5 + random.nextDouble();
            pnl[i] = random.nextDouble() < 0.55 ? 200 * size : -100 * size;
        }
        assertThat(KellyBootstrap.interval(pnl, 0.95, B, 99L)).isEqualTo(KellyBootstrap.interval(pnl, 0.95, B, 99L));
        assertThat(KellyBootstrap.interval(pnl, 0.95, B, 99L))
                .isNotEqualTo(KellyBootstrap.interval(pnl, 0.95, B, 100L));
    }

    @Test
    void noIntervalWhenThePointEstimateIsNotFinite() {
        assertThat(KellyBootstrap.interval(new double[0], 0.95, B, 1L).isDefined()).isFalse();
        assertThat(KellyBootstrap.interval(new double[] {10, 20}, 0.95, B, 1L).lowerBound()).isNaN();
        assertThat(KellyBootstrap.interval(new double[] {-10, -20}, 0.95, B, 1L).isDefined()).isFalse();
    }

    @Test
    void tooFewResamplesAndBadLevelsAreRejected() {
        double[] pnl = trades(30, 1L);
        assertThatThrownBy(() -> KellyBootstrap.interval(pnl, 0.95, 1999, 1L))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("bootstrap_resamples:");
        assertThatThrownBy(() -> KellyBootstrap.interval(pnl, 1.0, B, 1L))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("confidence_level:");
    }
}
