package com.positionlab.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.positionlab.engine.kelly.Kelly;
import com.positionlab.engine.kelly.KellyAnalysis;
import com.positionlab.engine.kelly.KellyCalculator;
import com.positionlab.engine.kelly.KellyPolicy;

/**
 * One {@code kelly} calculation (the target: under 1 microsecond): the discrete Kelly fraction
 * with its Wilson interval, sensitivities, growth table and zero-growth fraction. The baseline in the
 * same run is the bare closed form p - q / b.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class KellyBenchmark {

    @Param("0.55")
    double p;

    private final KellyPolicy policy = KellyPolicy.defaults();

    @Benchmark
    public KellyAnalysis fullKellyCalculation() {
        return KellyCalculator.discrete(p, 150, 100, 200, 0.95, policy);
    }

    @Benchmark
    public double closedFormBaseline() {
        return Kelly.discrete(p, 1.5);
    }
}
