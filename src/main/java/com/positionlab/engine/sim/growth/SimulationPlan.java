package com.positionlab.engine.sim.growth;

import java.util.SplittableRandom;

/**
 * The layout shared by every fraction of one request: paths cut into fixed blocks, each with its own random
 * stream, the band times, and the ruin and target levels in log space ({@code ln(W / W0)}).
 *
 * <p>Block {@code b}'s stream is the b-th {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}:
 * a function of the seed and the block index only, never of threads or scheduling. Every fraction reuses the
 * same streams (common random numbers), so fractions are compared on the same luck.
 *
 * <p>Ruin and target are compared in log space with a slack of {@value #TOUCH} (a relative 1e-12 in wealth),
 * so that a path landing exactly on a level counts although the logarithms are rounded: with {@code f = 0.15}
 * and a ruin level of 0.85 one loss is ruin.
 */
record SimulationPlan(int bets, int paths, int[] bandTimes, double logRuin, double logTarget, double initialCapital,
        long seed) {

    /** Paths per block. */
    static final int BLOCK = 256;
    /** At most this many band times, including bet 0 and the last bet. */
    static final int MAX_BANDS = 200;
    /** At most this many sample paths (the first ones). */
    static final int MAX_SAMPLES = 20;
    /** Slack on the log-space comparisons with the ruin and target levels. */
    static final double TOUCH = 1e-12;

    static SimulationPlan of(GrowthSimulationRequest request) {
        return new SimulationPlan(request.bets(), request.paths(), bandTimes(request.bets()),
                Math.log(request.ruinLevel()) + TOUCH, Math.log(request.targetMultiple()) - TOUCH,
                request.initialCapital(),
                request.seed());
    }

    /**
     * Band times: every bet when there are fewer than {@value #MAX_BANDS} time points, else
     * {@code floor(i bets / 199)} for i = 0..199 (distinct, since the step exceeds one bet).
     */
    static int[] bandTimes(int bets) {
        int n = Math.min(bets + 1, MAX_BANDS);
        int[] times = new int[n];
        for (int i = 0; i < n; i++) {
            times[i] = (int) ((long) i * bets / (n - 1));
        }
        return times;
    }

    int blocks() {
        return (paths + BLOCK - 1) / BLOCK;
    }

    int firstPath(int block) {
        return block * BLOCK;
    }

    int pathsIn(int block) {
        return Math.min(BLOCK, paths - block * BLOCK);
    }

    int samples() {
        return Math.min(MAX_SAMPLES, paths);
    }

    /**
     * A fresh copy of block {@code block}'s stream: the {@code block + 1}-th split of a generator seeded with
     * the seed. Made by the thread that draws from it, so that the streams of blocks run at the same time on
     * two threads never share a cache line (they did when one thread made them all, one after another in
     * memory: every draw of each thread then invalidated the other's line). Replaying the splits costs a few
     * nanoseconds each.
     */
    SplittableRandom blockRandom(int block) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom stream = root.split();
        for (int b = 0; b < block; b++) {
            stream = root.split();
        }
        return stream;
    }

    /** Wealth {@code W0 exp(logWealth)} for a log wealth relative to the initial capital. */
    double wealth(double logWealth) {
        return initialCapital * Math.exp(logWealth);
    }

    /** {@link #wealth(double)} of each log wealth. */
    double[] wealth(double[] logWealth) {
        double[] out = new double[logWealth.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = wealth(logWealth[i]);
        }
        return out;
    }
}
