package com.positionlab.engine.sim.growth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.positionlab.engine.task.Progress;

/**
 * Exact ruin probability and terminal wealth percentiles for two-outcome bets.
 *
 * <p>After t bets with k wins, {@code ln(W_t / W0) = k d + t l} ({@code d = ln(1 + f b) - ln(1 - f)},
 * {@code l = ln(1 - f)}): the state (t, k) says everything about wealth. Ruin within the horizon depends on
 * the path, so the probability mass of the states never ruined is carried forward bet by bet
 * ({@code m[t+1][k] = q m[t][k] + p m[t][k-1]}), and the mass of each state at or below the ruin level is moved
 * to an absorbing ruin state: O(bets^2) work per fraction.
 *
 * <p>Terminal wealth: when ruined paths keep betting, {@code W_T} is a function of {@code K ~ Binomial(T, p)};
 * when they stop, it is the surviving lattice at T plus each absorbed state at its own ruin wealth.
 * Percentiles use the definition of {@link Percentiles} (the cumulative probability is compared with
 * {@code q - 1e-12} to absorb the rounding of the summed probabilities).
 */
final class BinomialLattice {

    /** Slack on cumulative probabilities, far above their rounding error and far below any real mass. */
    private static final double CDF_SLACK = 1e-12;

    /** The exact answers for one fraction. */
    record Exact(double probabilityOfRuin, Percentiles terminalWealth) {
    }

    private BinomialLattice() {
    }

    static Exact solve(SimulationPlan plan, double p, double b, double f, boolean stopRuined, Progress progress) {
        double l = Math.log1p(-f);
        double d = Math.log1p(f * b) - l;
        int bets = plan.bets();
        double q = 1 - p;
        double[] mass = new double[bets + 1];
        double[] next = new double[bets + 1];
        mass[0] = 1;
        double ruined = 0;
        List<double[]> absorbed = new ArrayList<>();
        for (int t = 1; t <= bets; t++) {
            if ((t & 63) == 0) {
                progress.checkCancelled();
            }
            next[0] = q * mass[0];
            for (int k = 1; k <= t; k++) {
                next[k] = q * mass[k] + p * mass[k - 1];
            }
            for (int k = 0; k <= t && WinCountPaths.logWealth(k, t, d, l) <= plan.logRuin(); k++) {
                if (next[k] > 0) {
                    ruined += next[k];
                    if (stopRuined) {
                        absorbed.add(new double[] {WinCountPaths.logWealth(k, t, d, l), next[k]});
                    }
                    next[k] = 0;
                }
            }
            double[] swap = mass;
            mass = next;
            next = swap;
        }
        List<double[]> terminal = new ArrayList<>(bets + 1 + absorbed.size());
        double[] finalMass = stopRuined ? mass : binomial(bets, p);
        for (int k = 0; k <= bets; k++) {
            terminal.add(new double[] {WinCountPaths.logWealth(k, bets, d, l), finalMass[k]});
        }
        terminal.addAll(absorbed);
        terminal.sort(Comparator.comparingDouble(v -> v[0]));
        return new Exact(Math.min(1, ruined), Percentiles.of(percentiles(terminal, plan)));
    }

    private static double[] percentiles(List<double[]> sortedAtoms, SimulationPlan plan) {
        double[] out = new double[Percentiles.LEVELS.length];
        double cumulative = 0;
        int level = 0;
        for (double[] atom : sortedAtoms) {
            cumulative += atom[1];
            while (level < out.length && cumulative >= Percentiles.LEVELS[level] / 100.0 - CDF_SLACK) {
                out[level++] = plan.wealth(atom[0]);
            }
        }
        while (level < out.length) {
            out[level++] = plan.wealth(sortedAtoms.get(sortedAtoms.size() - 1)[0]);
        }
        return out;
    }

    /**
     * The Binomial(n, p) probabilities, by the ratio recurrence {@code P(k+1) / P(k) = (n - k) p / ((k + 1) q)}
     * in log space, normalised at the end so that no term underflows before it is scaled.
     */
    static double[] binomial(int n, double p) {
        double[] pmf = new double[n + 1];
        if (p == 0 || p == 1) {
            pmf[p == 0 ? 0 : n] = 1;
            return pmf;
        }
        double logOdds = Math.log(p) - Math.log1p(-p);
        double[] logPmf = new double[n + 1];
        double max = 0;
        for (int k = 0; k < n; k++) {
            logPmf[k + 1] = logPmf[k] + Math.log((double) (n - k) / (k + 1)) + logOdds;
            max = Math.max(max, logPmf[k + 1]);
        }
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            pmf[k] = Math.exp(logPmf[k] - max);
            sum += pmf[k];
        }
        for (int k = 0; k <= n; k++) {
            pmf[k] /= sum;
        }
        return pmf;
    }
}
