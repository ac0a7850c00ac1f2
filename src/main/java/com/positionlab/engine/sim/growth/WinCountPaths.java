package com.positionlab.engine.sim.growth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.positionlab.engine.task.Progress;


/**
 * The fast path for two-outcome bets with ruined paths left running. After t bets with k wins,
 * {@code ln(W_t / W0) = k d + t l} with {@code d = ln(1 + f b) - ln(1 - f)} and {@code l = ln(1 - f)}, so
 * a band's wealth percentiles follow from a histogram of win counts (a counting sort, exact empirical
 * percentiles) and no per-path wealth is stored.
 *
 * <p>Each block advances all of its paths one bet at a time: a scalar pass draws one uniform per path
 * ({@code nextLong() >>> 11 < ceil(p 2^53)}, the same event as {@code nextDouble() < p}) and a
 * branch-free pass, which the JIT vectorises, updates log wealth, its running maximum and minimum and the
 * maximum drawdown in log space.
 */
final class WinCountPaths {

    private final SimulationPlan plan;
    private final long winThreshold;
    private final double d;
    private final double l;
    private final int[] offsets;
    private final double[] logDrawdowns;
    private final double[][] sampleWins;

    WinCountPaths(SimulationPlan plan, double p, double b, double f) {
        this.plan = plan;
        this.winThreshold = (long) Math.ceil(p * 0x1.0p53);
        this.l = Math.log1p(-f);
        this.d = Math.log1p(f * b) - l;
        int[] times = plan.bandTimes();
        this.offsets = new int[times.length + 1];
        for (int c = 0; c < times.length; c++) {
            offsets[c + 1] = offsets[c] + times[c] + 1;
        }
        this.logDrawdowns = new double[plan.paths()];
        this.sampleWins = new double[plan.samples()][times.length];
    }

    /** {@code ln(W_t / W0)} after {@code t} bets with {@code wins} wins; the lattice uses the same expression. */
    static double logWealth(double wins, int t, double d, double l) {
        return wins * d + t * l;
    }

    Worker newWorker() {
        return new Worker();
    }

    /** Merges the workers' counts into the fraction's statistics. */
    PathStatistics summarize(List<Worker> workers) {
        int[] histogram = new int[offsets[offsets.length - 1]];
        int ruined = 0;
        int reached = 0;
        for (Worker w : workers) {
            ruined += w.ruined;
            reached += w.reached;
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] += w.histogram[i];
            }
        }
        int[] times = plan.bandTimes();
        int n = plan.paths();
        List<WealthBand> bands = new ArrayList<>(times.length);
        for (int c = 0; c < times.length; c++) {
            bands.add(new WealthBand(times[c], Percentiles.of(plan.wealth(bandLogPercentiles(histogram, c)))));
        }
        int last = times.length - 1;
        int bets = plan.bets();
        double wealthSum = 0;
        double growthSum = 0;
        for (int k = 0; k <= bets; k++) {
            int count = histogram[offsets[last] + k];
            if (count == 0) {
                continue; // 0 x an overflowed wealth would be NaN, not a term of the sum
            }
            double x = logWealth(k, bets, d, l);
            wealthSum += count * plan.wealth(x);
            growthSum += count * (x / bets);
        }
        double meanGrowth = growthSum / n;
        double squares = 0;
        for (int k = 0; k <= bets; k++) {
            double dev = logWealth(k, bets, d, l) / bets - meanGrowth;
            squares += histogram[offsets[last] + k] * dev * dev;
        }
        Histogram drawdowns = PathStatistics.drawdownHistogram(logDrawdowns);
        double[] dd = PathStatistics.drawdownPercentiles(logDrawdowns);
        return new PathStatistics(bands.get(last).wealth(), Percentiles.of(bandLogPercentiles(histogram, last)),
                wealthSum / n, bands, (double) ruined / n,
                (double) reached / n, dd[0], dd[1], meanGrowth, Math.sqrt(squares / (n - 1) / n), samplePaths(),
                terminalHistogram(histogram, offsets[last]), drawdowns);
    }

    /** The terminal wealth histogram from the win counts after the last bet, which start at {@code offset}. */
    private Histogram terminalHistogram(int[] histogram, int offset) {
        int bets = plan.bets();
        double[] wealth = new double[bets + 1];
        long[] counts = new long[bets + 1];
        for (int k = 0; k <= bets; k++) {
            wealth[k] = plan.wealth(logWealth(k, bets, d, l));
            counts[k] = histogram[offset + k];
        }
        return Binning.logWealth(wealth, counts);
    }

    /** The percentiles of {@code ln(W_t / W0)} at band {@code c}, from its histogram of win counts. */
    private double[] bandLogPercentiles(int[] histogram, int c) {
        int t = plan.bandTimes()[c];
        double[] out = new double[Percentiles.LEVELS.length];
        long cumulative = 0;
        int level = 0;
        for (int k = 0; k <= t && level < out.length; k++) {
            cumulative += histogram[offsets[c] + k];
            while (level < out.length && cumulative >= Percentiles.rank(Percentiles.LEVELS[level], plan.paths())) {
                out[level++] = logWealth(k, t, d, l);
            }
        }
        return out;
    }

    private List<SamplePath> samplePaths() {
        int[] times = plan.bandTimes();
        List<SamplePath> samples = new ArrayList<>(sampleWins.length);
        for (int s = 0; s < sampleWins.length; s++) {
            double[] wealth = new double[times.length];
            for (int c = 0; c < times.length; c++) {
                wealth[c] = plan.wealth(logWealth(sampleWins[s][c], times[c], d, l));
            }
            samples.add(new SamplePath(s, wealth));
        }
        return samples;
    }

    /** One thread's histograms of win counts per band, ruin and target counts, and block scratch arrays. */
    final class Worker implements ParallelBlocks.Worker {
        private final int[] histogram = new int[offsets[offsets.length - 1]];
        private int ruined;
        private int reached;
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
            Arrays.fill(wins, 0);
            Arrays.fill(peak, 0);
            Arrays.fill(low, 0);
            Arrays.fill(drawdown, 0);
            record(0, n, first);
            int c = 1;
            for (int t = 1; t <= plan.bets(); t++) {
                if ((t & 7) == 0) {
                    guard.checkCancelled();
                }
                step(rng, n, t);
                if (t == times[c]) {
                    record(c++, n, first);
                }
            }
            for (int i = 0; i < n; i++) {
                ruined += low[i] <= plan.logRuin() ? 1 : 0;
                reached += peak[i] >= plan.logTarget() ? 1 : 0;
                logDrawdowns[first + i] = drawdown[i];
            }
        }

        private void step(SplittableRandom rng, int n, int t) {
            long threshold = winThreshold;
            for (int i = 0; i < n; i++) {
                wins[i] += (double) (((rng.nextLong() >>> 11) - threshold) >>> 63);
            }
            double dd = d;
            double tl = t * l;
            for (int i = 0; i < n; i++) {
                double x = wins[i] * dd + tl;
                double pk = Math.max(peak[i], x);
                peak[i] = pk;
                low[i] = Math.min(low[i], x);
                drawdown[i] = Math.max(drawdown[i], pk - x);
            }
        }

        private void record(int c, int n, int first) {
            int offset = offsets[c];
            for (int i = 0; i < n; i++) {
                histogram[offset + (int) wins[i]]++;
            }
            for (int s = first; s < sampleWins.length && s < first + n; s++) {
                sampleWins[s][c] = wins[s - first];
            }
        }
    }
}
