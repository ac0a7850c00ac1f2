package com.positionlab.engine.kelly;

import java.util.List;

/**
 * A Kelly calculation: the raw and adjusted fractions, the interval of the raw fraction, and how
 * sensitive it is.
 *
 * @param method              {@code discrete} (win probability and payoff), {@code continuous} (mean and
 *                            volatility) or {@code multi_asset}
 * @param kellyFraction       raw f* (negative for a negative edge); for multi-asset the gross leverage
 * @param adjustedKelly       the fraction to use after {@link KellyPolicy}
 * @param winLossRatio        b = average win / average loss (NaN unless discrete)
 * @param confidenceInterval  interval of f*, or null when no sample size was given
 * @param weights             multi-asset Kelly weights after the leverage cap (empty otherwise)
 */
public record KellyAnalysis(String method, double kellyFraction, double adjustedKelly, double winLossRatio,
                            Interval confidenceInterval, Sensitivity sensitivity, double[] weights) {

    /** Expected log growth at a multiple of f*. */
    public record GrowthPoint(double kellyMultiple, double fraction, double logGrowth, double relativeGrowth) {
    }

    /**
     * @param dKellyDWinProbability  d f* / d p (discrete) or d f* / d mu (continuous)
     * @param dKellyDPayoff          d f* / d b (discrete) or d f* / d sigma (continuous)
     * @param growthAtKelly          expected log growth per bet at f*
     * @param growthTable            growth at 0.25, 0.5, 0.75, 1, 1.5 and 2 times f*, relative to g(f*)
     * @param zeroGrowthFraction     the fraction above f* at which growth turns negative (NaN without an edge)
     */
    public record Sensitivity(double dKellyDWinProbability, double dKellyDPayoff, double growthAtKelly,
                              List<GrowthPoint> growthTable, double zeroGrowthFraction) {
    }
}
