package com.positionlab.engine.sim.growth;

import static com.positionlab.engine.InvalidParameterException.finite;
import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

import java.util.Arrays;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.kelly.Kelly;

/**
 * A Monte Carlo growth simulation: repeated bets, each staking a fixed fraction of current capital.
 *
 * <p>A bet is either the two-outcome coin (win {@code winLossRatio} per unit staked with probability
 * {@code winProbability}, else lose the stake) or, when {@code outcomes} is not null, one outcome per unit
 * staked drawn uniformly with replacement from that trade list (a bootstrap; {@code winProbability} and
 * {@code winLossRatio} are then ignored). Staking fraction {@code f}, wealth moves as
 * {@code W <- max(0, W (1 + f x))} for the bet's outcome {@code x} ({@code x = b} or {@code -1} for the coin).
 *
 * @param winProbability       p in [0, 1], for two-outcome bets
 * @param winLossRatio         b &gt; 0, the win per unit staked, for two-outcome bets
 * @param outcomes             trade outcomes per unit staked (e.g. 2.4, -1.3), or null for two-outcome bets
 * @param fractions            the shares of current capital staked on each bet, each in (0, 1)
 * @param bets                 bets per path, in [1, {@value #MAX_BETS}]
 * @param paths                simulated paths, in [1, {@value #MAX_PATHS}]
 * @param initialCapital       starting wealth W0 &gt; 0 (any currency unit; results are in the same unit)
 * @param ruinLevel            ruin threshold as a fraction of W0, in [0, 1): a path is ruined once
 *                             {@code W <= ruinLevel W0}
 * @param targetMultiple       target as a multiple of W0, &gt; 1: a path reaches it once {@code W >= targetMultiple W0}
 * @param seed                 random seed; the same seed gives the same results whatever the thread count
 * @param stopRuinedPaths      false (default): a ruined path is counted and keeps betting, so the growth
 *                             statistics describe the rule itself; true: it stops at its ruin wealth
 * @param ruinProbabilityLimit in [0, 1]: the recommended fraction must have a ruin probability below it
 */
public record GrowthSimulationRequest(double winProbability, double winLossRatio, double[] outcomes, double[] fractions,
        int bets, int paths, double initialCapital, double ruinLevel, double targetMultiple, long seed,
        boolean stopRuinedPaths, double ruinProbabilityLimit) {

    /** Default limit on the ruin probability of the recommended fraction (5%). */
    public static final double DEFAULT_RUIN_PROBABILITY_LIMIT = 0.05;
    /** Upper bound on {@code bets}: the exact lattice costs O(bets^2) per fraction. */
    public static final int MAX_BETS = 50_000;
    /** Upper bound on {@code paths}: per-path band storage is paths x 200 floats. */
    public static final int MAX_PATHS = 100_000;
    /** Upper bound on the number of fractions in one request. */
    public static final int MAX_FRACTIONS = 50;

    public GrowthSimulationRequest {
        if (outcomes == null) {
            inRange("win_probability", winProbability, 0, 1);
            positive("win_loss_ratio", winLossRatio);
        } else {
            outcomes = outcomes.clone();
            if (outcomes.length == 0) {
                throw new InvalidParameterException("outcomes", "must hold at least one trade outcome");
            }
            for (double x : outcomes) {
                finite("outcomes", x);
            }
        }
        fractions = validFractions(fractions);
        if (bets < 1 || bets > MAX_BETS) {
            throw new InvalidParameterException("bets", "must be in [1, " + MAX_BETS + "], got " + bets);
        }
        if (paths < 1 || paths > MAX_PATHS) {
            throw new InvalidParameterException("paths", "must be in [1, " + MAX_PATHS + "], got " + paths);
        }
        positive("initial_capital", initialCapital);
        inRange("ruin_level", ruinLevel, 0, 1);
        if (ruinLevel == 1) {
            throw new InvalidParameterException("ruin_level", "must be below 1 (a fraction of starting capital), got 1");
        }
        finite("target_multiple", targetMultiple);
        if (targetMultiple <= 1) {
            throw new InvalidParameterException("target_multiple", "must be above 1, got " + targetMultiple);
        }
        inRange("ruin_probability_limit", ruinProbabilityLimit, 0, 1);
    }

    /** Two-outcome bets with the defaults: ruined paths keep running, ruin probability limit 5%. */
    public static GrowthSimulationRequest twoOutcome(double winProbability, double winLossRatio, double[] fractions,
            int bets, int paths, double initialCapital, double ruinLevel, double targetMultiple, long seed) {
        return new GrowthSimulationRequest(winProbability, winLossRatio, null, fractions, bets, paths, initialCapital,
                ruinLevel, targetMultiple, seed, false, DEFAULT_RUIN_PROBABILITY_LIMIT);
    }

    /** Bets bootstrapped from a trade list, with the defaults of {@link #twoOutcome}. */
    public static GrowthSimulationRequest bootstrap(double[] outcomes, double[] fractions, int bets, int paths,
            double initialCapital, double ruinLevel, double targetMultiple, long seed) {
        return new GrowthSimulationRequest(Double.NaN, Double.NaN, outcomes, fractions, bets, paths, initialCapital,
                ruinLevel, targetMultiple, seed, false, DEFAULT_RUIN_PROBABILITY_LIMIT);
    }

    /** The same request with ruined paths stopped (true) or left running (false). */
    public GrowthSimulationRequest withStopRuinedPaths(boolean stop) {
        return new GrowthSimulationRequest(winProbability, winLossRatio, outcomes, fractions, bets, paths,
                initialCapital, ruinLevel, targetMultiple, seed, stop, ruinProbabilityLimit);
    }

    /** The same request with another limit on the recommended fraction's ruin probability. */
    public GrowthSimulationRequest withRuinProbabilityLimit(double limit) {
        return new GrowthSimulationRequest(winProbability, winLossRatio, outcomes, fractions, bets, paths,
                initialCapital, ruinLevel, targetMultiple, seed, stopRuinedPaths, limit);
    }

    /** The same request with another seed. */
    public GrowthSimulationRequest withSeed(long newSeed) {
        return new GrowthSimulationRequest(winProbability, winLossRatio, outcomes, fractions, bets, paths,
                initialCapital, ruinLevel, targetMultiple, newSeed, stopRuinedPaths, ruinProbabilityLimit);
    }

    /** The same request for other fractions. */
    public GrowthSimulationRequest withFractions(double[] newFractions) {
        return new GrowthSimulationRequest(winProbability, winLossRatio, outcomes, newFractions, bets, paths,
                initialCapital, ruinLevel, targetMultiple, seed, stopRuinedPaths, ruinProbabilityLimit);
    }

    /**
     * Whether {@code other} differs from this request in its fractions at most: then a fraction simulated for
     * one is, bit for bit, what the other would give (each fraction's paths depend on the seed and the
     * fraction alone).
     */
    public boolean sameBetsAs(GrowthSimulationRequest other) {
        return other != null && equals(other.withFractions(fractions));
    }

    /** Whether every bet is the two-outcome coin, so that the exact lattice applies. */
    public boolean isTwoOutcome() {
        return outcomes == null;
    }

    /** A copy of the trade list, or null for two-outcome bets. */
    @Override
    public double[] outcomes() {
        return outcomes == null ? null : outcomes.clone();
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    /**
     * The discrete Kelly fraction {@code f* = p - q / b}. For a trade list, p is the share of outcomes
     * above zero and b the mean positive outcome over the mean magnitude of the negative ones; a list without
     * losses gives {@code f* = 1} and one without wins gives NaN.
     */
    public double kellyFraction() {
        if (outcomes == null) {
            return Kelly.discrete(winProbability, winLossRatio);
        }
        int wins = 0;
        int losses = 0;
        double winSum = 0;
        double lossSum = 0;
        for (double x : outcomes) {
            if (x > 0) {
                wins++;
                winSum += x;
            } else if (x < 0) {
                losses++;
                lossSum -= x;
            }
        }
        if (wins == 0) {
            return Double.NaN;
        }
        if (losses == 0) {
            return 1.0;
        }
        double p = (double) wins / outcomes.length;
        return Kelly.discrete(p, (winSum / wins) / (lossSum / losses));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrowthSimulationRequest r
                && Double.compare(winProbability, r.winProbability) == 0
                && Double.compare(winLossRatio, r.winLossRatio) == 0
                && Arrays.equals(outcomes, r.outcomes) && Arrays.equals(fractions, r.fractions)
                && bets == r.bets && paths == r.paths
                && Double.compare(initialCapital, r.initialCapital) == 0
                && Double.compare(ruinLevel, r.ruinLevel) == 0
                && Double.compare(targetMultiple, r.targetMultiple) == 0
                && seed == r.seed && stopRuinedPaths == r.stopRuinedPaths
                && Double.compare(ruinProbabilityLimit, r.ruinProbabilityLimit) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fractions) + Long.hashCode(seed) + 7 * Arrays.hashCode(outcomes) + bets * 13 + paths;
    }

    @Override
    public String toString() {
        String bet = outcomes == null ? "p=" + winProbability + ", b=" + winLossRatio
                : "outcomes=" + outcomes.length + " trades";
        return "GrowthSimulationRequest[" + bet + ", fractions=" + Arrays.toString(fractions) + ", bets=" + bets
                + ", paths=" + paths + ", initialCapital=" + initialCapital + ", ruinLevel=" + ruinLevel
                + ", targetMultiple=" + targetMultiple + ", seed=" + seed + ", stopRuinedPaths=" + stopRuinedPaths
                + ", ruinProbabilityLimit=" + ruinProbabilityLimit + "]";
    }

    private static double[] validFractions(double[] fractions) {
        if (fractions == null || fractions.length == 0) {
            throw new InvalidParameterException("fractions", "must list at least one betting fraction");
        }
        if (fractions.length > MAX_FRACTIONS) {
            throw new InvalidParameterException("fractions", "at most " + MAX_FRACTIONS + " fractions, got "
                    + fractions.length);
        }
        for (double f : fractions) {
            finite("fractions", f);
            if (f <= 0 || f >= 1) {
                throw new InvalidParameterException("fractions", "each must be in (0, 1), got " + f);
            }
        }
        return fractions.clone();
    }
}
