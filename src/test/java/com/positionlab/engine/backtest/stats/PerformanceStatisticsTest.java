package com.positionlab.engine.backtest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/**
 * {@link PerformanceStatistics} against empyrical's published regression values and hand-computed cases.
 *
 * <p>The empyrical series and expected values are those of empyrical-reloaded's {@code tests/test_stats.py}
 * and {@code tests/conftest.py} (github.com/stefan-jansen/empyrical-reloaded; the first four also in
 * quantopian/empyrical's {@code empyrical/tests/test_stats.py}). empyrical checks them to 8 decimals. Its
 * {@code mixed_returns} starts with a NaN that its ratios drop; its {@code annual_return} still counts that NaN
 * as a period (9 returns, not 8), so the published CAGR and Calmar are reproduced here with a leading 0 return,
 * which compounds the same and has the same length (the series empyrical calls {@code weekly_returns}).
 */
class PerformanceStatisticsTest {

    /** Published values given with 15 or more significant digits. */
    private static final double PUBLISHED = 1e-12;
    /** A published value given to 9 decimals. */
    private static final double NINE_DECIMALS = 1e-9;
    /** Values worked out by hand, up to floating-point rounding. */
    private static final double HAND = 1e-12;

    /** empyrical's mixed_returns without its leading NaN. */
    private static final double[] MIXED = pct(1, 10, -4, 2, 3, 2, 1, -10);
    private static final double[] POSITIVE = pct(1, 2, 1, 1, 1, 1, 1, 1, 1);
    private static final double[] NEGATIVE = pct(0, -6, -7, -1, -9, -2, -6, -8, -5);
    private static final double[] ALL_NEGATIVE = pct(-2, -6, -7, -1, -9, -2, -6, -8, -5);

    @Test
    void mixedReturnsReproduceEmpyricalSharpeSortinoAndVolatility() {
        Performance p = PerformanceStatistics.ofReturns(MIXED, 0);
        assertThat(p.sharpe()).isCloseTo(1.7238613961706866, within(PUBLISHED));
        assertThat(p.sortino()).isCloseTo(2.605531251673693, within(PUBLISHED));
        assertThat(p.volatility()).isCloseTo(0.9136465399704637, within(PUBLISHED));
        assertThat(p.maxDrawdown()).isCloseTo(-0.1, within(PUBLISHED));
    }

    @Test
    void riskFreeRateOfOnePercentReproducesEmpyrical() {
        Performance p = PerformanceStatistics.ofReturns(MIXED, 0.01);
        // sortino_ratio(mixed_returns, required_return=flat_line_1), flat_line_1 being 1% every day
        assertThat(p.sortino()).isCloseTo(-1.3934779588919977, within(PUBLISHED));
        // excess_sharpe(mixed_returns, flat_line_1) = -0.06515583641446039 is the same ratio, not annualised
        assertThat(p.sharpe()).isCloseTo(-0.06515583641446039 * Math.sqrt(252), within(PUBLISHED));
    }

    @Test
    void annualReturnAndCalmarReproduceEmpyricalOverNinePeriods() {
        Performance p = PerformanceStatistics.ofReturns(pct(0, 1, 10, -4, 2, 3, 2, 1, -10), 0);
        assertThat(p.cagr()).isCloseTo(1.9135925373194231, within(PUBLISHED));
        assertThat(p.calmar()).isCloseTo(19.135925373194233, within(1e-11));
        assertThat(p.totalReturn()).isCloseTo(0.038931091700480147, within(PUBLISHED));
    }

    @Test
    void allPositiveReturnsHaveNoDrawdownAndAnInfiniteSortino() {
        Performance p = PerformanceStatistics.ofReturns(POSITIVE, 0);
        assertThat(p.sharpe()).isCloseTo(52.915026221291804, within(PUBLISHED));
        assertThat(p.sortino()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(p.maxDrawdown()).isEqualTo(0.0);
        assertThat(p.maxDrawdownDays()).isZero();
        assertThat(p.calmar()).isNaN();
        assertThat(p.hitRate()).isEqualTo(1.0);
    }

    @Test
    void negativeReturnsReproduceEmpyrical() {
        Performance p = PerformanceStatistics.ofReturns(NEGATIVE, 0);
        assertThat(p.sharpe()).isCloseTo(-24.406808633910085, within(PUBLISHED));
        assertThat(p.sortino()).isCloseTo(-13.532743075043401, within(PUBLISHED));
        assertThat(p.maxDrawdown()).isCloseTo(-0.36590730349873601, within(PUBLISHED));
        // the flat first day makes day 1 the peak; equity never gets back to it
        assertThat(p.maxDrawdownDays()).isEqualTo(8);
    }

    @Test
    void theInitialCapitalIsAPeak() {
        // empyrical's all_negative_returns: the first day already loses, so the drawdown is the whole fall
        assertThat(PerformanceStatistics.ofReturns(ALL_NEGATIVE, 0).maxDrawdown())
                .isCloseTo(-0.378589157, within(NINE_DECIMALS));
        // empyrical's udu_returns
        assertThat(PerformanceStatistics.ofReturns(pct(10, -10, 10), 0).maxDrawdown())
                .isCloseTo(-0.10, within(PUBLISHED));
    }

    @Test
    void constantReturnsHaveZeroVolatilityAndInfiniteRatios() {
        // empyrical: flat_line_1 (1% a day) has an infinite Sharpe; 1% a day has no downside and no volatility
        Performance p = PerformanceStatistics.ofReturns(pct(1, 1, 1, 1, 1, 1, 1, 1, 1), 0);
        assertThat(p.sharpe()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(p.sortino()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(p.volatility()).isEqualTo(0.0);
        // empyrical-reloaded's simple_benchmark: gains and flat days only
        Performance b = PerformanceStatistics.ofReturns(pct(0, 1, 0, 1, 0, 1, 0, 1, 0), 0);
        assertThat(b.sortino()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.maxDrawdown()).isEqualTo(0.0);
    }

    @Test
    void oneReturnDefinesNoRatios() {
        // empyrical's one_return: max drawdown 0, Sharpe, Sortino and Calmar NaN
        Performance p = PerformanceStatistics.ofReturns(pct(1), 0);
        assertThat(p.maxDrawdown()).isEqualTo(0.0);
        assertThat(p.sharpe()).isNaN();
        assertThat(p.sortino()).isNaN();
        assertThat(p.calmar()).isNaN();
        assertThat(p.volatility()).isNaN();
        assertThat(p.cagr()).isCloseTo(Math.pow(1.01, 252) - 1, within(1e-12));
        assertThat(p.hitRate()).isEqualTo(1.0);
    }

    @Test
    void oneEquityValueHasNotFallenAndDefinesNothingElse() {
        Performance p = PerformanceStatistics.of(new double[] {1000}, 0);
        assertThat(p.totalReturn()).isEqualTo(0.0);
        assertThat(p.maxDrawdown()).isEqualTo(0.0);
        assertThat(p.maxDrawdownDays()).isZero();
        assertThat(List.of(p.cagr(), p.volatility(), p.sharpe(), p.sortino(), p.calmar(), p.hitRate()))
                .allMatch(v -> v.isNaN());
        assertThat(PerformanceStatistics.ofReturns(new double[0], 0)).isEqualTo(p);
    }

    @Test
    void flatEquityHasZeroesAndUndefinedRatios() {
        Performance p = PerformanceStatistics.of(new double[] {100, 100, 100, 100}, 0);
        assertThat(p.totalReturn()).isEqualTo(0.0);
        assertThat(p.cagr()).isEqualTo(0.0);
        assertThat(p.volatility()).isEqualTo(0.0);
        assertThat(p.sharpe()).isNaN();
        assertThat(p.sortino()).isNaN();
        assertThat(p.calmar()).isNaN();
        assertThat(p.hitRate()).isEqualTo(0.0);
    }

    @Test
    void flatEquityBelowTheRiskFreeRateHasNegativeRatios() {
        // excess return -c every day: Sharpe -c / 0; Sortino -252 c / (c sqrt(252)) = -sqrt(252)
        Performance p = PerformanceStatistics.of(new double[] {100, 100, 100, 100}, 0.0001);
        assertThat(p.sharpe()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(p.sortino()).isCloseTo(-Math.sqrt(252), within(HAND));
    }

    @Test
    void cagrOfTwentyOnePercentOverTwoYearsIsTenPercentAYear() {
        double[] equity = flat(505, 100);
        equity[504] = 121;
        Performance p = PerformanceStatistics.of(equity, 0);
        assertThat(p.totalReturn()).isCloseTo(0.21, within(HAND));
        assertThat(p.cagr()).isCloseTo(0.10, within(HAND));
    }

    @Test
    void calmarDividesCagrByTheDeepestDrawdown() {
        // two years to +21% (CAGR 10%) through a one-day fall to 88 (drawdown 12%): Calmar 0.10 / 0.12
        double[] equity = flat(505, 100);
        equity[10] = 88;
        equity[504] = 121;
        Performance p = PerformanceStatistics.of(equity, 0);
        assertThat(p.maxDrawdown()).isCloseTo(-0.12, within(HAND));
        assertThat(p.calmar()).isCloseTo(0.10 / 0.12, within(HAND));
        // the last 100 before the fall is the peak (day 9); day 11 is back at 100
        assertThat(p.maxDrawdownDays()).isEqualTo(2);
    }

    @Test
    void recoveredDrawdownRunsFromItsPeakToTheFirstDayBackAtThePeak() {
        // peak 120 on day 1, trough 60 on day 3 (-50%), first day at or above 120 is day 5
        Performance p = PerformanceStatistics.of(new double[] {100, 120, 90, 60, 100, 130, 125}, 0);
        assertThat(p.maxDrawdown()).isCloseTo(-0.5, within(HAND));
        assertThat(p.maxDrawdownDays()).isEqualTo(4);
        assertThat(p.calmar()).isCloseTo(p.cagr() / 0.5, within(HAND * p.cagr()));
    }

    @Test
    void unrecoveredDrawdownRunsToTheLastDay() {
        // peak 105 on day 1, trough 70 on day 4 (-1/3), never back at 105 by day 6
        Performance p = PerformanceStatistics.of(new double[] {100, 105, 80, 90, 70, 95, 100}, 0);
        assertThat(p.maxDrawdown()).isCloseTo(70.0 / 105 - 1, within(HAND));
        assertThat(p.maxDrawdownDays()).isEqualTo(5);
    }

    @Test
    void returningExactlyToThePeakEndsADrawdown() {
        // -10% from day 0, back at 100 on day 2 (recovered), then -20% from the new peak on day 2
        Performance p = PerformanceStatistics.of(new double[] {100, 90, 100, 80, 85}, 0);
        assertThat(p.maxDrawdown()).isCloseTo(-0.2, within(HAND));
        assertThat(p.maxDrawdownDays()).isEqualTo(2);
    }

    @Test
    void ofEquallyDeepDrawdownsTheFirstCounts() {
        Performance p = PerformanceStatistics.of(new double[] {100, 90, 100, 100, 100, 90, 95}, 0);
        assertThat(p.maxDrawdown()).isCloseTo(-0.1, within(HAND));
        assertThat(p.maxDrawdownDays()).isEqualTo(2);
    }

    @Test
    void hitRateCountsOnlyDaysThatGain() {
        Performance p = PerformanceStatistics.ofReturns(new double[] {0.01, 0, -0.02, 0.03}, 0);
        assertThat(p.hitRate()).isEqualTo(0.5);
    }

    @Test
    void drawdownCurveIsEquityOverItsRunningPeakMinusOne() {
        double[] curve = PerformanceStatistics.drawdownCurve(new double[] {100, 120, 90, 60, 100, 130, 125});
        assertThat(curve).containsExactly(new double[] {0, 0, -0.25, -0.5, -1.0 / 6, 0, -1.0 / 26},
                within(HAND));
    }

    @Test
    void equityAndReturnsGiveTheSameFigures() {
        double[] equity = new double[MIXED.length + 1];
        equity[0] = 250_000;
        for (int t = 0; t < MIXED.length; t++) {
            equity[t + 1] = equity[t] * (1 + MIXED[t]);
        }
        Performance fromEquity = PerformanceStatistics.of(equity, 0.0002);
        Performance fromReturns = PerformanceStatistics.ofReturns(MIXED, 0.0002);
        assertThat(fromEquity.sharpe()).isCloseTo(fromReturns.sharpe(), within(PUBLISHED));
        assertThat(fromEquity.sortino()).isCloseTo(fromReturns.sortino(), within(PUBLISHED));
        assertThat(fromEquity.cagr()).isCloseTo(fromReturns.cagr(), within(PUBLISHED));
        assertThat(fromEquity.maxDrawdown()).isCloseTo(fromReturns.maxDrawdown(), within(PUBLISHED));
        assertThat(fromEquity.maxDrawdownDays()).isEqualTo(fromReturns.maxDrawdownDays());
    }

    @Test
    void scalingTheCapitalChangesNothingAndTheCurveBottomsAtTheMaxDrawdown() {
        SplittableRandom rng = new SplittableRandom(2520);
        for (int trial = 0; trial < 50; trial++) {
            double[] equity = new double[2 + rng.nextInt(300)];
            equity[0] = 100;
            for (int t = 1; t < equity.length; t++) {
                equity[t] = equity[t - 1] * (1 + 0.0003 + 0.015 * rng.nextGaussian());
            }
            double[] scaled = Arrays.stream(equity).map(e -> e * 37.5).toArray();
            Performance p = PerformanceStatistics.of(equity, 0.0001);
            Performance q = PerformanceStatistics.of(scaled, 0.0001);
            String where = "trial " + trial;
            assertThat(q.sharpe()).as(where).isCloseTo(p.sharpe(), within(1e-9));
            assertThat(q.maxDrawdown()).as(where).isCloseTo(p.maxDrawdown(), within(1e-12));
            assertThat(q.maxDrawdownDays()).as(where).isEqualTo(p.maxDrawdownDays());
            double bottom = Arrays.stream(PerformanceStatistics.drawdownCurve(equity)).min().orElseThrow();
            assertThat(bottom).as(where).isEqualTo(p.maxDrawdown());
            assertThat(p.maxDrawdownDays()).as(where).isBetween(0, equity.length - 1);
        }
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> PerformanceStatistics.of(new double[0], 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("equity:");
        assertThatThrownBy(() -> PerformanceStatistics.of(new double[] {100, 0, 90}, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("value 2");
        assertThatThrownBy(() -> PerformanceStatistics.of(new double[] {100, Double.NaN}, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("equity:");
        assertThatThrownBy(() -> PerformanceStatistics.drawdownCurve(new double[] {-1}))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("equity:");
        assertThatThrownBy(() -> PerformanceStatistics.ofReturns(new double[] {0.1, -1}, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("returns:");
        assertThatThrownBy(() -> PerformanceStatistics.of(new double[] {100, 101}, Double.NaN))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("risk_free_rate:");
    }

    private static double[] pct(double... percentages) {
        return Arrays.stream(percentages).map(v -> v / 100).toArray();
    }

    private static double[] flat(int n, double value) {
        double[] x = new double[n];
        Arrays.fill(x, value);
        return x;
    }
}
