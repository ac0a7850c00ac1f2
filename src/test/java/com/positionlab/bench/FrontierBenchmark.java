package com.positionlab.bench;

import java.util.Arrays;
import java.util.List;
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
import com.positionlab.engine.optimize.FactorCovariance;
import com.positionlab.engine.optimize.Frontier;
import com.positionlab.engine.optimize.TurningPoint;
import com.positionlab.engine.optimize.qp.QpSolver;
import com.positionlab.engine.optimize.qp.QuadraticProgram;

/**
 * The efficient frontier by the critical line algorithm on a covariance from a 3-factor model plus noise
 * (fixed seed), long only with an upper bound of {@code max(0.1, 3/n)} per asset: every turning point
 * ({@code wholeFrontier}), 50 portfolios evenly spaced in return from the minimum variance to the highest
 * return ({@code fiftyPointFrontier}), and the maximum-Sharpe portfolio ({@code maxSharpe}), each from the
 * covariance (the whole solve is timed). The same three with {@code Factored} take the same covariance as its
 * factor model {@code B F B' + D} ({@link FactorCovariance}: F the identity, D the noise), which the critical
 * line works through in O(n k) a turning point instead of O(n^2). {@link Baseline} times the same 50 points the usual way, one convex
 * program per point ({@link QpSolver}: the highest return by a linear program, then the least variance at each
 * target return), for n = 50 and 200 only: at 500 and 1000 a single run takes minutes. Run with
 * {@code java -jar target/benchmarks.jar FrontierBenchmark} after {@code mvn -Pbench package -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FrontierBenchmark {

    static final int POINTS = 50;
    static final double RISK_FREE = 0.02;

    @Param({"50", "200", "500", "1000"})
    public int n;

    private double[] mu;
    private double[][] cov;
    private FactorCovariance factors;
    private double[] lower;
    private double[] upper;

    @Setup(Level.Trial)
    public void problem() {
        Problem p = Problem.factorModel(n);
        mu = p.mu;
        cov = p.cov;
        factors = p.factors;
        lower = p.lower;
        upper = p.upper;
    }

    @Benchmark
    public Frontier wholeFrontier() {
        return CriticalLine.solve(mu, cov, lower, upper);
    }

    @Benchmark
    public List<TurningPoint> fiftyPointFrontier() {
        return CriticalLine.solve(mu, cov, lower, upper).evenlySpaced(POINTS);
    }

    @Benchmark
    public double[] maxSharpe() {
        return CriticalLine.solve(mu, cov, lower, upper).maxSharpe(RISK_FREE);
    }

    @Benchmark
    public Frontier wholeFrontierFactored() {
        return CriticalLine.solve(mu, factors, lower, upper);
    }

    @Benchmark
    public List<TurningPoint> fiftyPointFrontierFactored() {
        return CriticalLine.solve(mu, factors, lower, upper).evenlySpaced(POINTS);
    }

    @Benchmark
    public double[] maxSharpeFactored() {
        return CriticalLine.solve(mu, factors, lower, upper).maxSharpe(RISK_FREE);
    }

    /**
     * The benchmark's problem: a 3-factor covariance plus idiosyncratic noise, means uniform in [2%, 17%], as
     * the dense matrix and as its factor model.
     */
    static final class Problem {
        final double[] mu;
        final double[][] cov;
        final FactorCovariance factors;
        final double[] lower;
        final double[] upper;

        private Problem(int n) {
            SplittableRandom rng = new SplittableRandom(20261203L);
            double[][] loadings = new double[n][3];
            for (double[] row : loadings) {
                for (int k = 0; k < 3; k++) {
                    row[k] = 0.15 * rng.nextGaussian();
                }
            }
            cov = new double[n][n];
            mu = new double[n];
            double[] noise = new double[n];
            for (int i = 0; i < n; i++) {
                mu[i] = 0.02 + 0.15 * rng.nextDouble();
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < 3; k++) {
                        s += loadings[i][k] * loadings[j][k];
                    }
                    if (i == j) {
                        noise[i] = 0.01 + 0.04 * rng.nextDouble();
                    }
                    cov[i][j] = s + (i == j ? noise[i] : 0);
                }
            }
            factors = new FactorCovariance(loadings, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, noise);
            lower = new double[n];
            upper = new double[n];
            Arrays.fill(upper, Math.max(0.1, 3.0 / n));
        }

        static Problem factorModel(int n) {
            return new Problem(n);
        }
    }

    /** The point-by-point baseline: 50 frontier portfolios from 50 convex programs (n = 50 and 200 only). */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 1, jvmArgsAppend = "-Xmx2g")
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public static class Baseline {

        @Param({"50", "200"})
        public int n;

        private Problem p;

        @Setup(Level.Trial)
        public void problem() {
            p = Problem.factorModel(n);
        }

        @Benchmark
        public double[][] pointByPointBaseline() {
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            double[][] out = new double[POINTS][];
            QuadraticProgram.Builder top = builder(ones);
            for (int i = 0; i < n; i++) {
                top.linear(i, -p.mu[i]);
            }
            out[POINTS - 1] = QpSolver.solve(top.build()).x();
            out[0] = QpSolver.solve(builder(ones).quadratic(p.cov, 2).build()).x();
            double lo = dot(out[0], p.mu);
            double hi = dot(out[POINTS - 1], p.mu);
            for (int k = 1; k < POINTS - 1; k++) {
                double target = lo + (hi - lo) * k / (POINTS - 1);
                out[k] = QpSolver.solve(builder(ones).quadratic(p.cov, 2).equal("return", p.mu, target).build()).x();
            }
            return out;
        }

        private QuadraticProgram.Builder builder(double[] ones) {
            QuadraticProgram.Builder b = QuadraticProgram.builder(n).equal("budget", ones, 1);
            for (int i = 0; i < n; i++) {
                b.bounds(i, p.lower[i], p.upper[i]);
            }
            return b;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }
    }
}
