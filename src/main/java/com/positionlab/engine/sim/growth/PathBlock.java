package com.positionlab.engine.sim.growth;

import java.util.Arrays;
import java.util.SplittableRandom;

import com.positionlab.engine.task.Progress;

/**
 * One thread's walk of a block of paths, shared by both path kernels: per path the wins so far and the
 * running peak, low and largest drawdown of {@code ln(W_t / W0)}; per thread the ruin and target counts.
 * A kernel says how one bet moves every path of the block ({@link #advance}), what it keeps at each band
 * time ({@link #record}) and at the end ({@link #finish}). Cancellation is checked every eight bets.
 */
abstract class PathBlock implements ParallelBlocks.Worker {

    final SimulationPlan plan;
    private final SplittableRandom[] randoms;
    int ruined;
    int reached;
    final double[] wins = new double[SimulationPlan.BLOCK];
    final double[] peak = new double[SimulationPlan.BLOCK];
    final double[] low = new double[SimulationPlan.BLOCK];
    final double[] drawdown = new double[SimulationPlan.BLOCK];

    PathBlock(SimulationPlan plan, SplittableRandom[] randoms) {
        this.plan = plan;
        this.randoms = randoms;
    }

    @Override
    public final void run(int block, Progress guard) {
        SplittableRandom rng = randoms[block];
        int n = plan.pathsIn(block);
        int first = plan.firstPath(block);
        int[] times = plan.bandTimes();
        reset();
        record(0, n, first);
        int c = 1;
        for (int t = 1; t <= plan.bets(); t++) {
            if ((t & 7) == 0) {
                guard.checkCancelled();
            }
            advance(rng, n, t);
            if (t == times[c]) {
                record(c++, n, first);
            }
        }
        for (int i = 0; i < n; i++) {
            ruined += low[i] <= plan.logRuin() ? 1 : 0;
            reached += peak[i] >= plan.logTarget() ? 1 : 0;
            finish(i, first + i);
        }
    }

    /** Clears the scratch arrays before a block. */
    void reset() {
        Arrays.fill(wins, 0);
        Arrays.fill(peak, 0);
        Arrays.fill(low, 0);
        Arrays.fill(drawdown, 0);
    }

    /** Bet number {@code t} for the block's first {@code n} paths. */
    abstract void advance(SplittableRandom rng, int n, int t);

    /** Keeps band {@code c}'s values for the block's paths, which start at path number {@code first}. */
    abstract void record(int c, int n, int first);

    /** Keeps what the kernel needs of path {@code path} (the block's {@code i}-th) once it is done. */
    abstract void finish(int i, int path);
}
