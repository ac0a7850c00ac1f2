package com.positionlab.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.positionlab.engine.stats.Returns;

/**
 * The Portfolio view's hot path: the Pearson correlation matrix of 30 assets over 1260 daily returns
 * (five years), and the annualised volatility of the same 30 series. Each is measured against a
 * baseline in the same run: Commons Math's {@link PearsonsCorrelation}, which correlates the columns
 * pair by pair, and its {@link StandardDeviation}. Run with {@code mvn -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReturnsBenchmark {

    private static final int DAYS = 1260;
    private static final int ASSETS = 30;

    /** {@code returns[t][i]}: asset i on day t. */
    private double[][] returns;
    /** {@code series[i]}: the returns of asset i, oldest first. */
    private double[][] series;

    @Setup(Level.Trial)
    public void generateReturns() {
        SplittableRandom rng = new SplittableRandom(20240229L);
        double[] beta = new double[ASSETS];
        for (int i = 0; i < ASSETS; i++) {
            beta[i] = rng.nextDouble(0.5, 1.5);
        }
        returns = new double[DAYS][ASSETS];
        series = new double[ASSETS][DAYS];
        for (int t = 0; t < DAYS; t++) {
            double market = 0.01 * rng.nextGaussian();
            for (int i = 0; i < ASSETS; i++) {
                double r = 0.0003 + beta[i] * market + 0.015 * rng.nextGaussian();
                returns[t][i] = r;
                series[i][t] = r;
            }
        }
    }

    @Benchmark
    public double[][] correlationMatrix() {
        return Returns.correlationMatrix(returns);
    }

    @Benchmark
    public RealMatrix correlationMatrixCommonsMathBaseline() {
        return new PearsonsCorrelation(returns).getCorrelationMatrix();
    }

    @Benchmark
    public void annualisedVolatility(Blackhole bh) {
        for (double[] s : series) {
            bh.consume(Returns.annualisedVolatility(s, Returns.TRADING_DAYS));
        }
    }

    @Benchmark
    public void annualisedVolatilityCommonsMathBaseline(Blackhole bh) {
        StandardDeviation std = new StandardDeviation();
        for (double[] s : series) {
            bh.consume(std.evaluate(s) * Math.sqrt(Returns.TRADING_DAYS));
        }
    }
}
