package com.positionlab.engine.sim.growth;

import com.positionlab.engine.stats.Quantiles;
import java.util.List;

/** The simulated statistics of one fraction, as {@link FractionResult} reports them. */
record PathStatistics(Percentiles terminalWealth, Percentiles terminalLogWealth, double meanTerminalWealth, List<WealthBand> bands,
        double probabilityOfRuin, double probabilityOfTarget, double maxDrawdownMedian, double maxDrawdownP95,
        double meanLogGrowth, double meanLogGrowthStandardError, List<SamplePath> samplePaths,
        Histogram terminalWealthHistogram, Histogram maxDrawdownHistogram) {

    /**
     * Median and 95th percentile of the maximum drawdown {@code 1 - W_t / max W_s} from per-path maximum
     * drawdowns in log space ({@code max_t (max_{s<=t} ln W_s - ln W_t)}); the map {@code d -> 1 - e^-d} is
     * increasing, so percentiles carry over. Reorders {@code logDrawdowns}.
     */
    static double[] drawdownPercentiles(double[] logDrawdowns) {
        double[] q = Quantiles.nearestRankPercentiles(logDrawdowns, 50, 95);
        return new double[] {-Math.expm1(-q[0]), -Math.expm1(-q[1])};
    }

    /**
     * The histogram of the maximum drawdowns {@code 1 - e^-d} (fractions in [0, 1]) from per-path maximum
     * drawdowns d in log space; see {@link Binning#linearFromZero}.
     */
    static Histogram drawdownHistogram(double[] logDrawdowns) {
        double[] drawdowns = new double[logDrawdowns.length];
        for (int i = 0; i < drawdowns.length; i++) {
            drawdowns[i] = -Math.expm1(-logDrawdowns[i]);
        }
        return Binning.linearFromZero(drawdowns);
    }
}
