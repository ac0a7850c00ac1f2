package com.positionlab.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.positionlab.engine.optimize.CriticalLine;
import com.positionlab.engine.optimize.Frontier;

/**
 * The efficient frontier by the critical line algorithm on a covariance from a 3-factor model plus noise
 * (fixed seed), long only with an upper bound of 10% (at least 10 assets held): every turning point
 * ({@code wholeFrontier}) and the maximum-Sharpe portfolio from them ({@code maxSharpe}). No baseline yet:
 * the point-by-point QP baseline needs a QP library the build does not have. Run with
 * {@code java -jar target/benchmarks.jar FrontierBenchmark} after {@code mvn -Pbench package -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FrontierBenchmark {

    @Param({"50", "100"})
    public int n;

    private double[] mu;
    private double[][] cov;
    private double[] lower;
    private double[] upper;

    @Setup(Level.Trial)
    public void problem() {
        SplittableRandom rng = new SplittableRandom(20261203L);
        double[][] loadings = new double[n][3];
        for (double[] row : loadings) {
            for (int k = 0; k < 3; k++) {
                row[k] = 0.15 * rng.nextGaussian();
            }
        }
        cov = new double[n][n];
        mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = 0.02 + 0.15 * rng.nextDouble();
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += loadings[i][k] * loadings[j][k];
                }
                cov[i][j] = s + (i == j ? 0.01 + 0.04 * rng.nextDouble() : 0);
            }
        }
        lower = new double[n];
        upper = new double[n];
        Arrays.fill(upper, 0.1);
    }

    @Benchmark
    public Frontier wholeFrontier() {
        return CriticalLine.solve(mu, cov, lower, upper);
    }

    @Benchmark
    public double[] maxSharpe() {
        return CriticalLine.solve(mu, cov, lower, upper).maxSharpe(0.02);
    }
}
