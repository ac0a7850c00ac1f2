package com.positionlab.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * {@link VolatilityAdjuster}: regime thresholds on the mid-rank percentile of ATR / close, and a multiplier
 * median / current kept in [1 - maxReduction, 1]. With period 1 the ATR of a bar is its true range, so the
 * history is known exactly.
 */
class VolatilityAdjusterTest {

    private static final double EXACT = 1e-12;
    private static final VolatilityConfig PERIOD_ONE = new VolatilityConfig(1, 0.33, 0.67, 0.5);

    /** Bars closing at 100 with the given high - low ranges: each bar's true range is its range. */
    private static VolatilityAdjustment assess(VolatilityConfig config, double... ranges) {
        int n = ranges.length;
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        for (int t = 0; t < n; t++) {
            high[t] = 100 + ranges[t] / 2;
            low[t] = 100 - ranges[t] / 2;
            close[t] = 100;
        }
        return VolatilityAdjuster.assess(high, low, close, config);
    }

    @Test
    void regimeFollowsThePercentileThresholds() {
        // history 1..9 plus the current value: percentile (below + equal / 2) / 10
        VolatilityAdjustment low = assess(PERIOD_ONE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 3);
        assertThat(low.percentile()).isCloseTo(0.3, within(EXACT));
        assertThat(low.regime()).isEqualTo(VolatilityRegime.LOW);
        VolatilityAdjustment normal = assess(PERIOD_ONE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 4);
        assertThat(normal.percentile()).isCloseTo(0.4, within(EXACT));
        assertThat(normal.regime()).isEqualTo(VolatilityRegime.NORMAL);
        VolatilityAdjustment high = assess(PERIOD_ONE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 7);
        assertThat(high.percentile()).isCloseTo(0.7, within(EXACT));
        assertThat(high.regime()).isEqualTo(VolatilityRegime.HIGH);
    }

    @Test
    void constantVolatilityIsNormalWithNoReduction() {
        VolatilityAdjustment a = assess(PERIOD_ONE, 2, 2, 2, 2, 2);
        assertThat(a.percentile()).isEqualTo(0.5);
        assertThat(a.regime()).isEqualTo(VolatilityRegime.NORMAL);
        assertThat(a.multiplier()).isEqualTo(1.0);
    }

    @Test
    void multiplierIsMedianOverCurrentWithinItsBounds() {
        // sorted 1..8, 8, 9: median (5 + 6) / 2 = 5.5, current 8 at rank (7 + 2 / 2) / 10 = 0.8
        VolatilityAdjustment a = assess(PERIOD_ONE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 8);
        assertThat(a.atrPercent()).isCloseTo(0.08, within(EXACT));
        assertThat(a.medianAtrPercent()).isCloseTo(0.055, within(EXACT));
        assertThat(a.multiplier()).isCloseTo(5.5 / 8, within(EXACT));
        assertThat(a.reason()).isEqualTo(
                "ATR(1) is 8.0% of price against a median of 5.5%; HIGH regime (percentile rank 80.0%); size x 0.6875");
        assertThat(a.toAdjustment().name()).isEqualTo("volatility");
        // current 20: 5.5 / 20 = 0.275, held at the 50% maximum reduction
        assertThat(assess(PERIOD_ONE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20).multiplier()).isEqualTo(0.5);
        VolatilityConfig deeper = new VolatilityConfig(1, 0.33, 0.67, 0.8);
        assertThat(assess(deeper, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20).multiplier()).isCloseTo(0.275, within(EXACT));
        // calm markets never scale the size up
        assertThat(assess(PERIOD_ONE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2).multiplier()).isEqualTo(1.0);
        assertThat(assess(new VolatilityConfig(1, 0.33, 0.67, 0), 1, 2, 3, 20).multiplier()).isEqualTo(1.0);
    }

    @Test
    void atr14SpikeIsHighVolatilityAndHalvesTheSize() {
        double[] ranges = new double[60];
        Arrays.fill(ranges, 1.0);
        for (int t = 50; t < 60; t++) {
            ranges[t] = 10.0;
        }
        VolatilityAdjustment a = assess(VolatilityConfig.defaults(), ranges);
        assertThat(a.regime()).isEqualTo(VolatilityRegime.HIGH);
        assertThat(a.percentile()).isCloseTo(1 - 0.5 / 47, within(EXACT));
        assertThat(a.medianAtrPercent()).isCloseTo(0.01, within(EXACT));
        assertThat(a.multiplier()).isEqualTo(0.5);
    }

    @Test
    void tooFewBarsGiveAnUnknownRegimeAndNoAdjustment() {
        VolatilityAdjustment a = assess(VolatilityConfig.defaults(), 1, 2, 3);
        assertThat(a.regime()).isEqualTo(VolatilityRegime.UNKNOWN);
        assertThat(a.multiplier()).isEqualTo(1.0);
        assertThat(a.atr()).isNaN();
        assertThat(a.reason()).isEqualTo("only 3 bars; ATR(14) needs at least 14; no adjustment");
    }
}
