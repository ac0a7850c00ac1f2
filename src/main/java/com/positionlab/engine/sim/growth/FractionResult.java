package com.positionlab.engine.sim.growth;

import java.util.List;
import java.util.Objects;

/**
 * What staking one fraction of current capital on every bet does, over the simulated paths (and, for
 * two-outcome bets, exactly). Wealth is in the unit of the initial capital; probabilities and drawdowns are
 * fractions in [0, 1].
 *
 * @param fraction                       the share of current capital staked on each bet
 * @param kellyMultiple                  {@code fraction / f*}; NaN when {@code f* <= 0} (no edge)
 * @param terminalWealthPercentiles      wealth after the last bet (see {@link Percentiles} for the definition)
 * @param terminalLogWealthPercentiles   the same percentiles of {@code ln(W_T / W0)}: finite where wealth
 *                                       overflows a double ({@code -Infinity} for a path wiped out to zero)
 * @param meanTerminalWealth             mean wealth after the last bet ({@code +Infinity} when some path's
 *                                       wealth overflows a double)
 * @param bands                          wealth percentiles at up to 200 times, from bet 0 to the last bet
 * @param probabilityOfRuin              share of paths that ever reach {@code W <= ruinLevel W0}
 * @param probabilityOfTarget            share of paths that ever reach {@code W >= targetMultiple W0} (first
 *                                       passage: a path that reaches the target and falls back still counts)
 * @param maxDrawdownMedian              median over paths of the maximum drawdown
 *                                       {@code max_t (1 - W_t / max_{s <= t} W_s)}
 * @param maxDrawdownP95                 95th percentile over paths of the maximum drawdown
 * @param meanLogGrowth                  mean over paths of {@code ln(W_T / W0) / T}, per bet
 *                                       ({@code -Infinity} when some path is wiped out to zero)
 * @param meanLogGrowthStandardError     sample standard deviation of {@code ln(W_T / W0) / T} over
 *                                       {@code sqrt(paths)}
 * @param samplePaths                    up to 20 paths, their wealth at the band times
 * @param exactProbabilityOfRuin         ruin probability within the horizon from the binomial lattice; NaN
 *                                       for bootstrapped trade lists
 * @param exactTerminalWealthPercentiles terminal wealth percentiles from the lattice; null for trade lists
 * @param terminalWealthHistogram        simulated wealth after the last bet, in the unit of the initial
 *                                       capital, in 40 bins evenly spaced in {@code ln W} between the smallest
 *                                       and largest positive terminal wealth; wiped-out paths ({@code W = 0})
 *                                       fall in the first bin, whose lower edge is then 0 (see
 *                                       {@link Histogram} for the bin convention)
 * @param maxDrawdownHistogram           simulated maximum drawdowns, fractions in [0, 1], in 40 bins evenly
 *                                       spaced over {@code [0, largest maximum drawdown]}
 */
public record FractionResult(double fraction, double kellyMultiple, Percentiles terminalWealthPercentiles,
        Percentiles terminalLogWealthPercentiles, double meanTerminalWealth, List<WealthBand> bands,
        double probabilityOfRuin, double probabilityOfTarget,
        double maxDrawdownMedian, double maxDrawdownP95, double meanLogGrowth, double meanLogGrowthStandardError,
        List<SamplePath> samplePaths, double exactProbabilityOfRuin, Percentiles exactTerminalWealthPercentiles,
        Histogram terminalWealthHistogram, Histogram maxDrawdownHistogram) {

    public FractionResult {
        bands = List.copyOf(bands);
        samplePaths = List.copyOf(samplePaths);
        Objects.requireNonNull(terminalWealthHistogram, "terminalWealthHistogram");
        Objects.requireNonNull(maxDrawdownHistogram, "maxDrawdownHistogram");
    }

    /** Whether the exact lattice values are present (two-outcome bets). */
    public boolean hasExactResults() {
        return exactTerminalWealthPercentiles != null;
    }

    /** The ruin probability to judge the fraction by: the exact one when known, else the simulated one. */
    public double bestProbabilityOfRuin() {
        return hasExactResults() ? exactProbabilityOfRuin : probabilityOfRuin;
    }

    /** The median terminal wealth to judge the fraction by: the exact one when known, else the simulated one. */
    public double bestMedianTerminalWealth() {
        return hasExactResults() ? exactTerminalWealthPercentiles.p50() : terminalWealthPercentiles.p50();
    }
}
