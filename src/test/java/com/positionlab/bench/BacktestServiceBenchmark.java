package com.positionlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.backtest.BacktestRequest;
import com.positionlab.service.backtest.BacktestResponse;
import com.positionlab.service.backtest.BacktestService;

/**
 * The backtest service on PyPortfolioOpt's 20 reference stocks ({@code ../shared/reference/pypfopt}), ten years
 * (2008-04-11 to 2018-04-11): a monthly-rebalanced maximum-Sharpe portfolio (Ledoit-Wolf covariance, a year of
 * returns, 10 bps costs; target under 1 s), and a sweep of 100 such backtests (commission 0 to 9 bps x risk-free rate 0 to 0.9%) on 1 and
 * on 2 threads (target: at least 1.8 times faster on two). {@code equalWeightMonthly} is the baseline of the same
 * run. Run with {@code java -jar target/benchmarks.jar BacktestServiceBenchmark} after
 * {@code mvn -Pbench package -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class BacktestServiceBenchmark {

    static final Path PRICES = Path.of("../shared/reference/pypfopt/stock_prices.csv");
    static final String BASE = "{\"prices\": \"%s\", \"start\": \"2008-04-11\", \"end\": \"2018-04-11\", "
            + "\"rebalance\": \"monthly\", \"lookback\": 252, \"costs_bps\": 10, \"include_trades\": false, "
            + "\"strategy\": %s%s}";
    static final String MAX_SHARPE = "{\"method\": \"max_sharpe\", \"risk_free_rate\": 0.02, \"risk_model\": "
            + "{\"estimator\": \"ledoit_wolf_constant_variance\"}}";

    private final BacktestService service = Calculators.create().backtest();
    private BacktestRequest maxSharpe;
    private BacktestRequest equalWeight;

    @Setup(Level.Trial)
    public void requests() throws Exception {
        if (!Files.isRegularFile(PRICES)) {
            throw new IllegalStateException("run beside ../shared/reference/pypfopt/stock_prices.csv");
        }
        maxSharpe = request(MAX_SHARPE, "");
        equalWeight = request("{\"method\": \"equal_weight\"}", "");
    }

    static BacktestRequest request(String strategy, String extra) throws Exception {
        String path = PRICES.toAbsolutePath().normalize().toString().replace("\\", "/");
        return Json.requestMapper().readValue(String.format(BASE, path, strategy, extra), BacktestRequest.class);
    }

    @Benchmark
    public BacktestResponse maxSharpeMonthly() {
        return service.run(maxSharpe, Progress.NONE);
    }

    @Benchmark
    public BacktestResponse equalWeightMonthly() {
        return service.run(equalWeight, Progress.NONE);
    }

    /** 100 monthly maximum-Sharpe backtests (10 commissions x 10 risk-free rates) on {@code threads} threads. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 1, jvmArgsAppend = "-Xmx2g")
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public static class Sweep {

        @Param({"1", "2"})
        int threads;

        private final BacktestService service = Calculators.create().backtest();
        private BacktestRequest sweep;

        @Setup(Level.Trial)
        public void request() throws Exception {
            StringBuilder ten = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                ten.append(k == 0 ? "" : ", ").append(k);
            }
            sweep = BacktestServiceBenchmark.request(MAX_SHARPE, ", \"sweep\": {\"costs_bps\": [" + ten + "], "
                    + "\"strategy.risk_free_rate\": [" + ten.toString().replaceAll("(\\d)", "0.00$1") + "]}, "
                    + "\"threads\": " + threads);
        }

        @Benchmark
        public BacktestResponse hundredPointSweep() {
            return service.run(sweep, Progress.NONE);
        }
    }
}
