package com.positionlab.bench;

import java.util.ArrayList;
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

import com.positionlab.engine.backtest.trades.ClosedTrade;
import com.positionlab.engine.backtest.trades.FixedFractionRule;
import com.positionlab.engine.backtest.trades.FixedRiskRule;
import com.positionlab.engine.backtest.trades.KellyRule;
import com.positionlab.engine.backtest.trades.OptimalFRule;
import com.positionlab.engine.backtest.trades.SequenceResult;
import com.positionlab.engine.backtest.trades.SequenceSettings;
import com.positionlab.engine.backtest.trades.SizingRule;
import com.positionlab.engine.backtest.trades.TradeSequenceBacktest;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.kelly.EdgeStatistics;

/**
 * The trade-sequence backtest over 1,000 trades (target: well under 100 ms): the Kelly rule with the Kelly
 * Lab's defaults, which re-estimates the edge and the drawdown adjustment from every prior trade (O(n^2)), and
 * four rules compared on the same trades (Kelly, fixed 2%, fixed 1% risk, half optimal f). The same-run
 * baselines are the fixed-fraction replay, which estimates nothing (the replay's own cost, O(n)), and one edge
 * estimate of all 1,000 trades, of which the Kelly rule makes one per trade on a growing prefix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TradeSequenceBenchmark {

    @Param("1000")
    int trades;

    private final SequenceSettings settings = new SequenceSettings(100_000, 5);
    private final KellyRule kelly = KellyRule.defaults();
    private final List<SizingRule> four = List.of(kelly, new FixedFractionRule(0.02), new FixedRiskRule(0.01, 1),
            OptimalFRule.of(0.5, EdgeConfig.defaults(), 1));
    private List<ClosedTrade> sequence;
    private double[] returns;

    /** Seeded trades: a win (p = 0.55) returns 1% to 6%; a loss loses its stop (1% to 4%), twice it one time in 5. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(17);
        sequence = new ArrayList<>(trades);
        returns = new double[trades];
        for (int k = 0; k < trades; k++) {
            double stop = 0.01 + 0.03 * rnd.nextDouble();
            double r = rnd.nextDouble() < 0.55 ? 0.01 + 0.05 * rnd.nextDouble()
                    : -stop * (rnd.nextDouble() < 0.2 ? 2 : 1);
            sequence.add(new ClosedTrade(r, stop, 1_700_000_000L + 86_400L * k));
            returns[k] = r;
        }
    }

    @Benchmark
    public SequenceResult kellyRule() {
        return TradeSequenceBacktest.run(sequence, kelly, settings);
    }

    @Benchmark
    public List<SequenceResult> fourRulesCompared() {
        return TradeSequenceBacktest.compare(sequence, four, settings);
    }

    @Benchmark
    public SequenceResult fixedFractionBaseline() {
        return TradeSequenceBacktest.run(sequence, four.get(1), settings);
    }

    @Benchmark
    public EdgeStatistics oneEdgeEstimateBaseline() {
        return EdgeStatistics.of(returns);
    }
}
