package com.positionlab.engine.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/**
 * {@link EdgeStatistics} on trade lists worked out by hand: six wins of +200 and four losses of -100 give
 * win rate 0.6, payoff 2, Kelly 0.6 - 0.4 / 2 = 0.4, profit factor 1200 / 400 = 3, expectancy 80 (0.8 R);
 * scratches count as trades but do not move Kelly; empty, all-win and all-loss lists do not crash.
 */
class EdgeStatisticsTest {

    private static final double EXACT = 1e-12;

    static double[] sixWinsFourLosses() {
        return new double[] {200, -100, 200, 200, -100, 200, -100, 200, 200, -100};
    }

    @Test
    void handMadeListGivesTheClosedForms() {
        EdgeStatistics s = EdgeStatistics.of(sixWinsFourLosses());
        assertThat(s.trades()).isEqualTo(10);
        assertThat(s.wins()).isEqualTo(6);
        assertThat(s.losses()).isEqualTo(4);
        assertThat(s.winRate()).isCloseTo(0.6, within(EXACT));
        assertThat(s.averageWin()).isCloseTo(200, within(EXACT));
        assertThat(s.averageLoss()).isCloseTo(100, within(EXACT));
        assertThat(s.payoffRatio()).isCloseTo(2, within(EXACT));
        assertThat(s.expectancy()).isCloseTo(80, within(EXACT));
        assertThat(s.expectancyR()).isCloseTo(0.8, within(EXACT));
        assertThat(s.profitFactor()).isCloseTo(3, within(EXACT));
        assertThat(s.kelly()).isCloseTo(0.4, within(EXACT));
    }

    @Test
    void breakevensCountAsTradesButNotInTheWinRateOrKelly() {
        double[] pnl = {200, -100, 200, 200, -100, 200, -100, 200, 200, -100, 0, 0};
        EdgeStatistics s = EdgeStatistics.of(pnl);
        assertThat(s.trades()).isEqualTo(12);
        assertThat(s.breakevens()).isEqualTo(2);
        // 6 wins of 10 decisive trades.
        assertThat(s.winRate()).isCloseTo(0.6, within(EXACT));
        assertThat(s.expectancy()).isCloseTo(800.0 / 12, within(EXACT));
        // g(f) = (6/12) ln(1 + 2f) + (4/12) ln(1 - f); g'(f) = 0 gives 12 (1 - f) = 4 (1 + 2f), f = 0.4
        assertThat(s.kelly()).isCloseTo(0.4, within(EXACT));
        double h = 1e-6;
        double slope = (growth(0.4 + h) - growth(0.4 - h)) / (2 * h);
        assertThat(slope).isCloseTo(0, within(1e-8));
    }

    @Test
    void theReportedWinRateAndPayoffGiveTheReportedKelly() {
        // The case: 10 wins, 5 losses, 5 breakevens, payoff 1. Kelly = 2/3 - (1/3) / 1 = 1/3.
        double[] pnl = new double[20];
        for (int i = 0; i < 10; i++) {
            pnl[i] = 50;
        }
        for (int i = 10; i < 15; i++) {
            pnl[i] = -50;
        }
        EdgeStatistics s = EdgeStatistics.of(pnl);
        assertThat(s.breakevens()).isEqualTo(5);
        assertThat(s.winRate()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(s.payoffRatio()).isCloseTo(1, within(EXACT));
        assertThat(s.kelly()).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(s.kelly()).isCloseTo(s.winRate() - (1 - s.winRate()) / s.payoffRatio(), within(EXACT));
        assertThat(s.expectancy()).as("per trade, breakevens included").isCloseTo(250.0 / 20, within(EXACT));
    }

    private static double growth(double f) {
        return 6.0 / 12 * Math.log1p(2 * f) + 4.0 / 12 * Math.log1p(-f);
    }

    @Test
    void noTradesGiveZeroCountsAndNaN() {
        EdgeStatistics s = EdgeStatistics.EMPTY;
        assertThat(s.trades()).isZero();
        assertThat(s.winRate()).isNaN();
        assertThat(s.expectancy()).isNaN();
        assertThat(s.payoffRatio()).isNaN();
        assertThat(s.profitFactor()).isNaN();
        assertThat(s.kelly()).isNaN();
        assertThat(s.averageWin()).isZero();
        assertThat(s.averageLoss()).isZero();
    }

    @Test
    void allWinsLeaveKellyUndefinedAndProfitFactorInfinite() {
        EdgeStatistics s = EdgeStatistics.of(new double[] {50, 100, 150});
        assertThat(s.winRate()).isEqualTo(1.0);
        assertThat(s.averageWin()).isCloseTo(100, within(EXACT));
        assertThat(s.averageLoss()).isZero();
        assertThat(s.payoffRatio()).isNaN();
        assertThat(s.expectancyR()).isNaN();
        assertThat(s.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.kelly()).isNaN();
    }

    @Test
    void allLossesGiveNegativeInfiniteKelly() {
        EdgeStatistics s = EdgeStatistics.of(new double[] {-50, -150});
        assertThat(s.winRate()).isZero();
        assertThat(s.averageLoss()).isCloseTo(100, within(EXACT));
        assertThat(s.payoffRatio()).isZero();
        assertThat(s.expectancy()).isCloseTo(-100, within(EXACT));
        assertThat(s.expectancyR()).isCloseTo(-1, within(EXACT));
        assertThat(s.profitFactor()).isZero();
        assertThat(s.kelly()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void nonFinitePnlIsRejectedByName() {
        assertThatThrownBy(() -> EdgeStatistics.of(new double[] {1, Double.NaN}))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("pnl:");
    }
}
