package com.positionlab.engine.backtest.stats;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.stats.Returns;

/**
 * Performance statistics of a daily equity curve with empyrical's definitions, 252 periods a year. With daily
 * simple returns r_t = E_t / E_{t-1} - 1 (t = 1..n, n = days) and excess returns x_t = r_t - rf:
 * <ul>
 * <li>total return = E_n / E_0 - 1; CAGR = (E_n / E_0)^(252 / n) - 1;</li>
 * <li>volatility = std(r) sqrt(252), the sample standard deviation (divisor n - 1);</li>
 * <li>Sharpe = mean(x) / std(x) sqrt(252), std with divisor n - 1;</li>
 * <li>Sortino = mean(x) 252 / (sqrt(mean(min(x_t, 0)^2)) sqrt(252)), the downside deviation averaged over all n
 * days, not only the losing ones;</li>
 * <li>maximum drawdown = min_t E_t / max_{s <= t} E_s - 1, the initial capital counting as a peak; its duration
 * runs from the peak before the deepest trough to the first later day with equity at or above that peak (or to
 * the last day when it never gets back); of two equally deep drawdowns the first counts;</li>
 * <li>Calmar = CAGR / |maximum drawdown|; hit rate = the share of days with r_t &gt; 0.</li>
 * </ul>
 * The risk-free rate is per period (a daily rate for daily equity), not annual.
 *
 * <p>Degenerate cases follow empyrical and IEEE arithmetic rather than throwing:
 * <ul>
 * <li>one equity value (no returns): total return 0, maximum drawdown 0 over 0 days, every other figure NaN
 * (empyrical gives NaN for the drawdown of an empty series; a curve of one point has not fallen);</li>
 * <li>fewer than two returns: volatility, Sharpe and Sortino are NaN (empyrical's rule);</li>
 * <li>all excess returns equal: their standard deviation is exactly 0 (not rounding noise), so Sharpe is
 * +Infinity for a positive mean, -Infinity for a negative one and NaN for a zero mean; all returns equal gives a
 * volatility of exactly 0;</li>
 * <li>no excess return below zero: the downside deviation is 0 and Sortino is +Infinity, or NaN if the mean
 * excess return is 0 too;</li>
 * <li>no drawdown: Calmar is NaN, as in empyrical, which also gives NaN when the ratio overflows to infinity.</li>
 * </ul>
 */
public final class PerformanceStatistics {

    /** Trading days per year used to annualise. */
    public static final int PERIODS_PER_YEAR = 252;

    private static final double SQRT_PERIODS = Math.sqrt(PERIODS_PER_YEAR);

    private PerformanceStatistics() {
    }

    /**
     * Statistics of an equity curve: {@code equity[t]} is the portfolio value at the close of trading day t,
     * {@code equity[0]} the initial capital.
     *
     * @param equity            at least one value, every one positive and finite
     * @param riskFreePerPeriod the risk-free return per day, as a fraction
     */
    public static Performance of(double[] equity, double riskFreePerPeriod) {
        checkEquity(equity);
        InvalidParameterException.finite("risk_free_rate", riskFreePerPeriod);
        double[] returns = new double[equity.length - 1];
        for (int t = 0; t < returns.length; t++) {
            returns[t] = equity[t + 1] / equity[t] - 1;
        }
        return compute(equity, returns, riskFreePerPeriod);
    }

    /**
     * Statistics of a series of daily simple returns, as of the equity curve that starts at 1 and compounds
     * them; the return-based figures use the returns as given.
     *
     * @param returns           daily returns as fractions, every one finite and above -1 (may be empty)
     * @param riskFreePerPeriod the risk-free return per day, as a fraction
     */
    public static Performance ofReturns(double[] returns, double riskFreePerPeriod) {
        checkReturns(returns);
        InvalidParameterException.finite("risk_free_rate", riskFreePerPeriod);
        double[] equity = new double[returns.length + 1];
        equity[0] = 1;
        for (int t = 0; t < returns.length; t++) {
            equity[t + 1] = equity[t] * (1 + returns[t]);
        }
        return compute(equity, returns.clone(), riskFreePerPeriod);
    }

    /**
     * The drawdown on every day, {@code equity[t] / max_{s <= t} equity[s] - 1}: 0 at each new high, negative
     * below it. Same length as {@code equity}.
     */
    public static double[] drawdownCurve(double[] equity) {
        checkEquity(equity);
        double[] drawdown = new double[equity.length];
        double peak = equity[0];
        for (int t = 0; t < equity.length; t++) {
            peak = Math.max(peak, equity[t]);
            drawdown[t] = equity[t] / peak - 1;
        }
        return drawdown;
    }

    private static Performance compute(double[] equity, double[] returns, double riskFree) {
        int days = returns.length;
        double growth = equity[equity.length - 1] / equity[0];
        double cagr = days == 0 ? Double.NaN : Math.pow(growth, (double) PERIODS_PER_YEAR / days) - 1;
        double[] excess = new double[days];
        for (int t = 0; t < days; t++) {
            excess[t] = returns[t] - riskFree;
        }
        Drawdown deepest = deepestDrawdown(equity);
        return new Performance(growth - 1, cagr, sampleStdDev(returns) * SQRT_PERIODS, sharpe(excess),
                sortino(excess), calmar(cagr, deepest.depth()), deepest.depth(), deepest.days(), hitRate(returns));
    }

    private static double sharpe(double[] excess) {
        if (excess.length < 2) {
            return Double.NaN;
        }
        return mean(excess) / sampleStdDev(excess) * SQRT_PERIODS;
    }

    private static double sortino(double[] excess) {
        if (excess.length < 2) {
            return Double.NaN;
        }
        double squares = 0;
        for (double x : excess) {
            double down = Math.min(x, 0);
            squares += down * down;
        }
        double downsideDeviation = Math.sqrt(squares / excess.length) * SQRT_PERIODS;
        return mean(excess) * PERIODS_PER_YEAR / downsideDeviation;
    }

    private static double calmar(double cagr, double maxDrawdown) {
        if (!(maxDrawdown < 0)) {
            return Double.NaN;
        }
        double ratio = cagr / -maxDrawdown;
        return Double.isInfinite(ratio) ? Double.NaN : ratio;
    }

    private static double hitRate(double[] returns) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        int up = 0;
        for (double r : returns) {
            if (r > 0) {
                up++;
            }
        }
        return (double) up / returns.length;
    }

    /** Depth and duration (in days) of the deepest drawdown; the first of equally deep ones. */
    private static Drawdown deepestDrawdown(double[] equity) {
        int peakDay = 0;
        double depth = 0;
        int deepestPeakDay = 0;
        int troughDay = 0;
        for (int t = 1; t < equity.length; t++) {
            if (equity[t] >= equity[peakDay]) {
                peakDay = t;
            } else {
                double drawdown = equity[t] / equity[peakDay] - 1;
                if (drawdown < depth) {
                    depth = drawdown;
                    deepestPeakDay = peakDay;
                    troughDay = t;
                }
            }
        }
        if (depth == 0) {
            return new Drawdown(0, 0);
        }
        int end = equity.length - 1;
        for (int t = troughDay + 1; t < equity.length; t++) {
            if (equity[t] >= equity[deepestPeakDay]) {
                end = t;
                break;
            }
        }
        return new Drawdown(depth, end - deepestPeakDay);
    }

    private static double mean(double[] x) {
        return Returns.mean(x);
    }

    /** Sample standard deviation (divisor n - 1): NaN below two values, exactly 0 when every value is equal. */
    private static double sampleStdDev(double[] x) {
        boolean constant = x.length >= 2;
        for (double v : x) {
            constant &= v == x[0];
        }
        return constant ? 0 : Returns.sampleStdDev(x);
    }

    private static void checkEquity(double[] equity) {
        if (equity == null || equity.length == 0) {
            throw new InvalidParameterException("equity", "need at least 1 value, got 0");
        }
        for (int t = 0; t < equity.length; t++) {
            if (!(equity[t] > 0) || Double.isInfinite(equity[t])) {
                throw new InvalidParameterException("equity", "value " + (t + 1) + " is " + equity[t]
                        + "; every value must be a positive finite number");
            }
        }
    }

    private static void checkReturns(double[] returns) {
        if (returns == null) {
            throw new InvalidParameterException("returns", "are required");
        }
        for (int t = 0; t < returns.length; t++) {
            if (!(returns[t] > -1) || Double.isInfinite(returns[t])) {
                throw new InvalidParameterException("returns", "value " + (t + 1) + " is " + returns[t]
                        + "; every return must be a finite number above -1");
            }
        }
    }

    private record Drawdown(double depth, int days) {
    }
}
