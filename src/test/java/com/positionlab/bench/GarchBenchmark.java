package com.positionlab.bench;

import java.util.concurrent.TimeUnit;

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

import com.positionlab.engine.riskmodel.Garch11;
import com.positionlab.engine.riskmodel.GarchFit;
import com.positionlab.engine.riskmodel.HistoricalVar;
import com.positionlab.engine.riskmodel.VarEstimate;

/**
 * The GARCH risk model's cost (the target: a fit on five years of daily returns in under 20 ms): the maximum
 * likelihood fit of a GARCH(1,1) on 1,250 simulated daily returns. Baselines in the same run: one evaluation of
 * its log-likelihood on the same returns (the unit the optimiser spends), and historical VaR of the same returns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GarchBenchmark {

    private static final int DAYS = 1250;

    private double[] returns;
    private GarchFit fitted;

    @Setup(Level.Trial)
    public void simulateReturns() {
        returns = Garch11.simulate(2e-6, 0.08, 0.90, 3e-4, DAYS, 20240229L);
        fitted = Garch11.fit(returns);
    }

    @Benchmark
    public GarchFit garchFit() {
        return Garch11.fit(returns);
    }

    @Benchmark
    public double logLikelihoodBaseline() {
        return Garch11.logLikelihood(returns, fitted.omega(), fitted.alpha(), fitted.beta(), fitted.mu());
    }

    @Benchmark
    public VarEstimate historicalVarBaseline() {
        return HistoricalVar.of(returns, 0.95);
    }
}
