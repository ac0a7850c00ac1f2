package com.positionlab.engine.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link DynamicKellyAdjuster}: the drawdown curve m(d) = 1 - 0.75 min(d / 0.20, 1)^k at no, half, full and
 * beyond-maximum drawdown; the drawdown read from the equity curve of the trades; and the recent-window rule
 * (negative expectancy halves, outperformance lifts but never above 1).
 */
class DynamicKellyAdjusterTest {

    private static final double EXACT = 1e-12;
    private static final DrawdownPolicy DEFAULTS = DrawdownPolicy.defaults();

    @Test
    void linearCurveFromOneToTheFloor() {
        assertThat(DynamicKellyAdjuster.drawdownMultiplier(0, DEFAULTS)).isEqualTo(1.0);
        assertThat(DynamicKellyAdjuster.drawdownMultiplier(0.10, DEFAULTS)).isCloseTo(0.625, within(EXACT));
        assertThat(DynamicKellyAdjuster.drawdownMultiplier(0.20, DEFAULTS)).isCloseTo(0.25, within(EXACT));
        assertThat(DynamicKellyAdjuster.drawdownMultiplier(0.35, DEFAULTS)).isCloseTo(0.25, within(EXACT));
        assertThat(DynamicKellyAdjuster.drawdownMultiplier(1.0, DEFAULTS)).isCloseTo(0.25, within(EXACT));
    }

    @Test
    void exponentBendsTheCurve() {
        DrawdownPolicy convex = new DrawdownPolicy(0.25, 0.20, 2.0, 20, 0.5, 0.10, 1.25);
        assertThat(DynamicKellyAdjuster.drawdownMultiplier(0.10, convex)).isCloseTo(1 - 0.75 * 0.25, within(EXACT));
        assertThat(DynamicKellyAdjuster.drawdownMultiplier(0.20, convex)).isCloseTo(0.25, within(EXACT));
    }

    @Test
    void drawdownComesFromTheEquityCurveOfTheTrades() {
        // 10,000 + 2,000 = 12,000 (peak), then - 1,440 = 10,560: 12% below the peak, 0.6 of the way to 20%
        DynamicAdjustment a = DynamicKellyAdjuster.adjust(new double[] {2000, -1440}, 10_000, DEFAULTS);
        assertThat(a.peakEquity()).isEqualTo(12_000.0);
        assertThat(a.equity()).isEqualTo(10_560.0);
        assertThat(a.drawdown()).isCloseTo(0.12, within(EXACT));
        Adjustment drawdown = a.adjustments().get(0);
        assertThat(drawdown.name()).isEqualTo("drawdown");
        assertThat(drawdown.multiplier()).isCloseTo(1 - 0.75 * 0.6, within(EXACT));
        assertThat(drawdown.reason()).isEqualTo("equity is 12.0% below its peak; limit 20.0%");
        assertThat(a.adjustments().get(1).multiplier()).isEqualTo(1.0);
        assertThat(a.multiplier()).isCloseTo(0.55, within(EXACT));
    }

    @Test
    void noTradesAndNewPeaksMeanNoReduction() {
        DynamicAdjustment none = DynamicKellyAdjuster.adjust(new double[0], 10_000, DEFAULTS);
        assertThat(none.multiplier()).isEqualTo(1.0);
        assertThat(none.adjustments()).extracting(Adjustment::name).containsExactly("drawdown", "recent_performance");
        DynamicAdjustment atPeak = DynamicKellyAdjuster.adjust(new double[] {-500, 800}, 10_000, DEFAULTS);
        assertThat(atPeak.drawdown()).isZero();
        assertThat(atPeak.adjustments().get(0).reason()).isEqualTo("equity is at its peak; no reduction");
    }

    @Test
    void ruinedEquityIsAFullDrawdownAtTheFloor() {
        DynamicAdjustment a = DynamicKellyAdjuster.adjust(new double[] {-15_000}, 10_000, DEFAULTS);
        assertThat(a.drawdown()).isEqualTo(1.0);
        assertThat(a.adjustments().get(0).multiplier()).isCloseTo(0.25, within(EXACT));
    }

    @Test
    void negativeRecentExpectancyHalvesTheMultiplier() {
        double[] pnl = new double[30];
        for (int i = 0; i < 30; i++) {
            pnl[i] = i < 10 ? 100 : (i % 2 == 0 ? 20 : -30);
        }
        DynamicAdjustment a = DynamicKellyAdjuster.adjust(pnl, 1_000_000, DEFAULTS);
        Adjustment recent = a.adjustments().get(1);
        assertThat(recent.name()).isEqualTo("recent_performance");
        assertThat(recent.multiplier()).isEqualTo(0.5);
        assertThat(recent.reason()).isEqualTo("expectancy over the last 20 trades is negative (-5.00 per trade)");
        assertThat(a.multiplier()).isCloseTo(a.adjustments().get(0).multiplier() * 0.5, within(EXACT));
    }

    @Test
    void recentOutperformanceLiftsTheMultiplierUpToOne() {
        double[] pnl = new double[40];
        for (int i = 0; i < 20; i++) {
            pnl[i] = i < 14 ? -10 : 100;           // win rate 0.3, ends at a peak of 1,460
            pnl[20 + i] = i < 12 ? 100 : -60;      // win rate 0.6: peak 2,660, then 480 down
        }
        DynamicAdjustment a = DynamicKellyAdjuster.adjust(pnl, 1_000, DEFAULTS);
        double dd = 480.0 / 2660;
        double m = 1 - 0.75 * (dd / 0.20);
        assertThat(a.drawdown()).isCloseTo(dd, within(EXACT));
        assertThat(a.adjustments().get(1).multiplier()).isEqualTo(1.25);
        assertThat(a.adjustments().get(1).reason())
                .isEqualTo("win rate over the last 20 trades is 60.0% against 45.0% overall");
        assertThat(a.multiplier()).isCloseTo(m * 1.25, within(EXACT));

        pnl[39] = 1000; // now ends at a new peak: the drawdown multiplier is 1 and the lift is capped
        DynamicAdjustment atPeak = DynamicKellyAdjuster.adjust(pnl, 1_000, DEFAULTS);
        assertThat(atPeak.multiplier()).isEqualTo(1.0);
        assertThat(atPeak.adjustments().get(1).reason()).endsWith("capped so the total stays at most 1");
    }
}
