package com.positionlab.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
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

import com.positionlab.engine.backtest.BacktestRequest;
import com.positionlab.engine.backtest.BacktestResult;
import com.positionlab.engine.backtest.Backtester;
import com.positionlab.engine.backtest.EqualWeight;
import com.positionlab.engine.backtest.PriceHistory;
import com.positionlab.engine.backtest.RebalanceSchedule;
import com.positionlab.engine.backtest.sweep.ParameterSweep;
import com.positionlab.engine.task.Progress;

/**
 * The walk-forward backtest: an equal-weight portfolio of 500 instruments rebalanced at every close over ten years
 * (2,520 days; 1.26 million trades), 5 bps commission and 2 bps slippage, on random-walk prices from a fixed seed
 * ({@code equalWeightDaily}; the target is well under 0.5 s). {@link Sweep} runs 100 such backtests, commission
 * from 0 to 9.9 bps, through {@link ParameterSweep} on 1 and on 2 threads, each point keeping only its final
 * equity. Run with {@code java -jar target/benchmarks.jar BacktestBenchmark} after
 * {@code mvn -Pbench package -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class BacktestBenchmark {

    static final int INSTRUMENTS = 500;
    static final int DAYS = 2520;
    static final int POINTS = 100;

    private BacktestRequest request;

    @Setup(Level.Trial)
    public void market() {
        request = Market.request();
    }

    @Benchmark
    public BacktestResult equalWeightDaily() {
        return Backtester.run(request, new EqualWeight(), Progress.NONE);
    }

    /** 100 daily equal-weight backtests of the same market, commission 0 to 9.9 bps, on 1 or 2 threads. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 1, jvmArgsAppend = "-Xmx2g")
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public static class Sweep {

        @Param({"1", "2"})
        public int threads;

        private BacktestRequest request;
        private List<Double> costs;

        @Setup(Level.Trial)
        public void market() {
            request = Market.request();
            costs = new ArrayList<>();
            for (int k = 0; k < POINTS; k++) {
                costs.add(k * 0.1);
            }
        }

        @Benchmark
        public List<Double> hundredPointSweep() {
            return ParameterSweep.run(costs, bps -> Backtester.run(request.withCosts(bps, 2), new EqualWeight(),
                    Progress.NONE).finalEquity(), threads, Progress.NONE);
        }
    }

    /** Random-walk closes on weekdays from 2015-01-01, a common factor plus noise, from a fixed seed. */
    static final class Market {

        private Market() {
        }

        static BacktestRequest request() {
            PriceHistory history = history(DAYS, INSTRUMENTS, 20260315L);
            return BacktestRequest.of(history, history.date(0), history.date(DAYS - 1), 1e7, RebalanceSchedule.daily(),
                    1).withCosts(5, 2);
        }

        static PriceHistory history(int days, int n, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            LocalDate[] dates = new LocalDate[days];
            LocalDate d = LocalDate.of(2015, 1, 1);
            double[][] prices = new double[days][n];
            double[] level = new double[n];
            for (int i = 0; i < n; i++) {
                level[i] = 20 + 180 * rng.nextDouble();
            }
            for (int t = 0; t < days; t++) {
                while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    d = d.plusDays(1);
                }
                dates[t] = d;
                d = d.plusDays(1);
                double common = 0.01 * rng.nextGaussian();
                for (int i = 0; i < n; i++) {
                    if (t > 0) {
                        level[i] *= Math.exp(0.0003 + common + 0.017 * rng.nextGaussian());
                    }
                    prices[t][i] = level[i];
                }
            }
            return new PriceHistory(dates, prices);
        }
    }
}
