package com.positionlab.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.positionlab.engine.sim.growth.GrowthSimulationRequest;
import com.positionlab.engine.sim.growth.GrowthSimulationResult;
import com.positionlab.engine.sim.growth.GrowthSimulator;
import com.positionlab.engine.task.Progress;

/**
 * The Kelly Lab's hot path: one operation is 10,000 paths x 250 two-outcome bets for one fraction, with every
 * statistic of the result (bands, percentiles, ruin, target, drawdowns, growth, sample paths and the exact
 * lattice). Compare with {@link RandomBaselineBenchmark} (2.5 million draws, the same number of bets) in the
 * same run: the issue asks for at least 25% of the draw rate single-threaded and a 1.7x speed-up on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class KellySimulationBenchmark {

    private final GrowthSimulationRequest request = GrowthSimulationRequest.twoOutcome(0.55, 1.2, new double[] {0.1},
            250, 10_000, 10_000, 0.5, 2, 20240229L);

    @Benchmark
    public GrowthSimulationResult simulateSingleThread() {
        return GrowthSimulator.simulate(request, 1, Progress.NONE);
    }

    @Benchmark
    public GrowthSimulationResult simulateParallelTwoThreads() {
        return GrowthSimulator.simulate(request, 2, Progress.NONE);
    }
}
