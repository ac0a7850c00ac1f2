package com.positionlab.bench;

import java.util.SplittableRandom;
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

/**
 * The physical limit of {@link KellySimulationBenchmark}: one operation draws 2.5 million uniforms with
 * {@link SplittableRandom#nextDouble()}, one per simulated bet, and only sums them (into four partial sums, so
 * that the latency of the additions does not hide the cost of the draws).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RandomBaselineBenchmark {

    private static final int DRAWS = 2_500_000;

    private long seed = 20240229L;

    @Benchmark
    public double drawUniforms() {
        SplittableRandom rng = new SplittableRandom(seed++);
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < DRAWS; i += 4) {
            s0 += rng.nextDouble();
            s1 += rng.nextDouble();
            s2 += rng.nextDouble();
            s3 += rng.nextDouble();
        }
        return s0 + s1 + s2 + s3;
    }
}
