package com.positionlab.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

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

import com.positionlab.engine.backtest.stats.Performance;
import com.positionlab.engine.backtest.stats.PerformanceStatistics;

/**
 * A backtest's summary: the performance statistics of a 2,520-day equity curve (ten years), from the curve and
 * from its returns, and its drawdown curve. The baseline in the same run is Commons Math's
 * {@link StandardDeviation} of the returns, one of the several passes the statistics make. Run with
 * {@code mvn -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class StatisticsBenchmark {

    private static final int DAYS = 2520;
    /** About 2% a year, per trading day. */
    private static final double RISK_FREE_PER_DAY = 0.00008;

    /** {@code equity[t]}: the portfolio's value at the close of day t, {@code equity[0]} the initial capital. */
    private double[] equity;
    /** {@code returns[t]}: the simple return from day t to day t + 1. */
    private double[] returns;

    @Setup(Level.Trial)
    public void generateEquityCurve() {
        SplittableRandom rng = new SplittableRandom(20240229L);
        equity = new double[DAYS + 1];
        returns = new double[DAYS];
        equity[0] = 1_000_000;
        for (int t = 0; t < DAYS; t++) {
            returns[t] = 0.0003 + 0.012 * rng.nextGaussian();
            equity[t + 1] = equity[t] * (1 + returns[t]);
        }
    }

    @Benchmark
    public Performance performanceOfEquity() {
        return PerformanceStatistics.of(equity, RISK_FREE_PER_DAY);
    }

    @Benchmark
    public Performance performanceOfReturns() {
        return PerformanceStatistics.ofReturns(returns, RISK_FREE_PER_DAY);
    }

    @Benchmark
    public double[] drawdownCurve() {
        return PerformanceStatistics.drawdownCurve(equity);
    }

    @Benchmark
    public double volatilityCommonsMathBaseline() {
        return new StandardDeviation().evaluate(returns) * Math.sqrt(PerformanceStatistics.PERIODS_PER_YEAR);
    }
}
