package com.positionlab.engine.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The trade list's own Kelly: the maximiser of the mean log growth over its outcomes. */
class LogOptimalKellyTest {

    @Test
    void twoOutcomesGiveExactlyPMinusQOverB() {
        // 6 wins of 2 units and 4 losses of 1: p 0.6, b 2, f* = 0.6 - 0.4 / 2 = 0.4.
        double[] o = {2, 2, 2, 2, 2, 2, -1, -1, -1, -1};
        assertThat(LogOptimalKelly.of(o)).isCloseTo(0.4, within(1e-10));
    }

    @Test
    void lossesThatVaryAroundTheirAverageGiveASmallerFractionAtWhichGrowthIsFlat() {
        // The same averages (wins 2, losses 1 on average), but losses of 0.5 and 1.5.
        double[] o = {2, 2, 2, 2, 2, 2, -0.5, -1.5, -0.5, -1.5};
        double f = LogOptimalKelly.of(o);
        assertThat(f).isLessThan(0.4).isPositive();
        assertThat(LogOptimalKelly.slope(o, f)).isCloseTo(0, within(1e-9));
        // Concave: growth at f beats growth a little either side.
        assertThat(growth(o, f)).isGreaterThan(growth(o, f - 1e-3)).isGreaterThan(growth(o, 0));
        assertThat(growth(o, f)).isGreaterThan(growth(o, f + 1e-3));
        // f must keep 1 - 1.5 f above 0.
        assertThat(f).isLessThan(1 / 1.5);
    }

    @Test
    void noEdgeGivesZeroAndNoLossGivesNaN() {
        assertThat(LogOptimalKelly.of(new double[] {1, -1, 1, -1.5})).isZero();
        assertThat(LogOptimalKelly.of(new double[] {1, 2})).isNaN();
        assertThat(LogOptimalKelly.of(new double[0])).isNaN();
    }

    @Test
    void sizingStartsFromTheSmallerAndSaysWhichBound() {
        double[] pnl = {200, 200, 200, 200, 200, 200, -50, -150, -50, -150};
        EdgeStatistics s = EdgeStatistics.of(pnl);
        assertThat(s.kelly()).isCloseTo(0.4, within(1e-12));
        assertThat(s.logOptimalKelly()).isCloseTo(LogOptimalKelly.of(new double[] {2, 2, 2, 2, 2, 2, -0.5, -1.5,
                -0.5, -1.5}), within(1e-12));
        assertThat(s.kellyUsed()).isEqualTo(s.logOptimalKelly());
        TradeEdge edge = new TradeEdge(EdgeWindow.ALL, s, BootstrapInterval.none(0.95), true, "Kelly from 10 trades",
                0.02);
        assertThat(edge.basis().rawKelly()).isEqualTo(s.logOptimalKelly());
        assertThat(edge.basis().reason()).contains("the trade list's log-optimal").contains("bounds it");
    }

    private static double growth(double[] o, double f) {
        double g = 0;
        for (double x : o) {
            g += Math.log1p(f * x);
        }
        return g / o.length;
    }
}
