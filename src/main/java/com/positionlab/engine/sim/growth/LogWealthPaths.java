package com.positionlab.engine.sim.growth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.positionlab.engine.stats.Quantiles;
import com.positionlab.engine.task.Progress;


/**
 * The general path simulation: bets bootstrapped from a trade list, or two-outcome bets whose ruined paths
 * stop. Tracks {@code x = ln(W_t / W0)} per path; a bootstrapped bet adds {@code ln(max(0, 1 + f o))} for
 * the drawn outcome o ({@code -Infinity} once wealth is wiped out), a two-outcome bet sets
 * {@code x = k d + t l} as in {@link WinCountPaths}, so both kernels draw the same wins from the same
 * seed. A stopped path keeps its ruin wealth (and keeps consuming draws, so the other paths do not change).
 * Band values are stored per path as floats and sorted per band.
 */
final class LogWealthPaths {

    private final SimulationPlan plan;
    private final boolean stopRuined;
    private final double[] logSteps;
    private final long winThreshold;
    private final double d;
    private final double l;
    private final float[][] bandValues;
    private final double[] terminal;
    private final double[] logDrawdowns;
    private final double[][] samples;

    /**
     * @param outcomes the trade list, or null for two-outcome bets with probability p and payoff b
     */
    LogWealthPaths(SimulationPlan plan, double[] outcomes, double p, double b, double f, boolean stopRuined) {
        this.plan = plan;
        this.stopRuined = stopRuined;
        if (outcomes != null) {
            logSteps = new double[outcomes.length];
            for (int j = 0; j < outcomes.length; j++) {
                logSteps[j] = Math.log(Math.max(0, 1 + f * outcomes[j]));
            }
        } else {
            logSteps = null;
        }
        this.winThreshold = (long) Math.ceil(p * 0x1.0p53);
        this.l = Math.log1p(-f);
        this.d = Math.log1p(f * b) - l;
        this.bandValues = new float[plan.bandTimes().length][plan.paths()];
        this.terminal = new double[plan.paths()];
        this.logDrawdowns = new double[plan.paths()];
        this.samples = new double[plan.samples()][plan.bandTimes().length];
    }

    Worker newWorker() {
        return new Worker();
    }

    /** The fraction's statistics from the per-path values, summed in path order. */
    PathStatistics summarize(List<Worker> workers) {
        int n = plan.paths();
        int ruined = 0;
        int reached = 0;
        for (Worker w : workers) {
            ruined += w.ruined;
            reached += w.reached;
        }
        double[] terminalWealth = new double[n];
        double wealthSum = 0;
        double growthSum = 0;
        for (int i = 0; i < n; i++) {
            double x = terminal[i];
            terminalWealth[i] = plan.wealth(x);
            wealthSum += terminalWealth[i];
            growthSum += x / plan.bets();
        }
        double meanGrowth = growthSum / n;
        double squares = 0;
        for (double x : terminal) {
            double dev = x / plan.bets() - meanGrowth;
            squares += dev * dev;
        }
        double[] logPercentiles = Quantiles.nearestRankPercentiles(terminal.clone(), Percentiles.LEVELS);
        Percentiles terminalPercentiles = Percentiles.of(plan.wealth(logPercentiles));
        int[] times = plan.bandTimes();
        List<WealthBand> bands = new ArrayList<>(times.length);
        for (int c = 0; c < times.length - 1; c++) {
            bands.add(new WealthBand(times[c], Percentiles.of(plan.wealth(bandPercentiles(bandValues[c])))));
        }
        bands.add(new WealthBand(plan.bets(), terminalPercentiles));
        Histogram drawdowns = PathStatistics.drawdownHistogram(logDrawdowns);
        double[] dd = PathStatistics.drawdownPercentiles(logDrawdowns);
        double se = Double.isFinite(meanGrowth) ? Math.sqrt(squares / (n - 1) / n) : Double.NaN;
        return new PathStatistics(terminalPercentiles, Percentiles.of(logPercentiles), wealthSum / n, bands, (double) ruined / n,
                (double) reached / n, dd[0], dd[1], meanGrowth, se, samplePaths(),
                Binning.logWealth(terminalWealth, null), drawdowns);
    }

    private static double[] bandPercentiles(float[] values) {
        Arrays.sort(values);
        double[] out = new double[Percentiles.LEVELS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[(int) Percentiles.rank(Percentiles.LEVELS[i], values.length) - 1];
        }
        return out;
    }

    private List<SamplePath> samplePaths() {
        List<SamplePath> out = new ArrayList<>(samples.length);
        for (int s = 0; s < samples.length; s++) {
            out.add(new SamplePath(s, plan.wealth(samples[s])));
        }
        return out;
    }

    /** One thread's ruin and target counts and block scratch arrays. */
    final class Worker implements ParallelBlocks.Worker {
        private int ruined;
        private int reached;
        private final double[] x = new double[SimulationPlan.BLOCK];
        private final double[] wins = new double[SimulationPlan.BLOCK];
        private final double[] peak = new double[SimulationPlan.BLOCK];
        private final double[] low = new double[SimulationPlan.BLOCK];
        private final double[] drawdown = new double[SimulationPlan.BLOCK];

        @Override
        public void run(int block, Progress guard) {
            SplittableRandom rng = plan.blockRandom(block);
            int n = plan.pathsIn(block);
            int first = plan.firstPath(block);
            int[] times = plan.bandTimes();
            for (double[] a : new double[][] {x, wins, peak, low, drawdown}) {
                Arrays.fill(a, 0);
            }
            record(0, n, first);
            int c = 1;
            for (int t = 1; t <= plan.bets(); t++) {
                if ((t & 7) == 0) {
                    guard.checkCancelled();
                }
                for (int i = 0; i < n; i++) {
                    step(rng, i, t);
                }
                if (t == times[c]) {
                    record(c++, n, first);
                }
            }
            for (int i = 0; i < n; i++) {
                ruined += low[i] <= plan.logRuin() ? 1 : 0;
                reached += peak[i] >= plan.logTarget() ? 1 : 0;
                terminal[first + i] = x[i];
                logDrawdowns[first + i] = drawdown[i];
            }
        }

        private void step(SplittableRandom rng, int i, int t) {
            double next;
            if (logSteps != null) {
                next = x[i] + logSteps[rng.nextInt(logSteps.length)];
            } else {
                wins[i] += (double) (((rng.nextLong() >>> 11) - winThreshold) >>> 63);
                next = WinCountPaths.logWealth(wins[i], t, d, l);
            }
            if (stopRuined && low[i] <= plan.logRuin()) {
                return;
            }
            x[i] = next;
            peak[i] = Math.max(peak[i], next);
            low[i] = Math.min(low[i], next);
            drawdown[i] = Math.max(drawdown[i], peak[i] - next);
        }

        private void record(int c, int n, int first) {
            for (int i = 0; i < n; i++) {
                bandValues[c][first + i] = (float) x[i];
            }
            for (int s = first; s < samples.length && s < first + n; s++) {
                samples[s][c] = x[s - first];
            }
        }
    }
}
