package com.positionlab.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.positionlab.domain.Side;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.Book;
import com.positionlab.engine.sizing.MarketModel;
import com.positionlab.engine.sizing.PositionSizingEngine;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.sizing.SizingOutcome;
import com.positionlab.engine.sizing.SizingSpec;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingService;

/**
 * One full sizing on a 50-holding book (the target: 100,000 a second on one thread): Kelly method,
 * cached covariance model, portfolio impact, historical VaR before and after, every constraint (position,
 * instrument, sector, correlation, leverage, sector and total risk budgets, portfolio volatility) and the
 * stress windows. {@code serviceSize} is the same through the service, from a request object to a response
 * (validation, cache lookup, response mapping). The same-run baseline is one estimate of the covariance
 * model itself, which the cache saves on every request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SizingBenchmark {

    private static final int HOLDINGS = 50;
    private static final int DAYS = 252;

    private Book book;
    private MarketModel model;
    private SizingSpec spec;
    private PositionSizingService service;
    private PositionSizingRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = HOLDINGS + 1;
        String[] ids = new String[n];
        double[] weights = new double[n];
        String[] sectors = new String[n];
        String[] strategies = new String[n];
        double[][] returns = new double[n][DAYS];
        double[] market = new double[DAYS];
        for (int t = 0; t < DAYS; t++) {
            market[t] = 0.01 * gauss(rnd);
        }
        for (int i = 0; i < n; i++) {
            ids[i] = "I" + i;
            weights[i] = i < HOLDINGS ? 0.018 : 0;
            sectors[i] = "S" + (i % 7);
            strategies[i] = "T" + (i % 3);
            double beta = 0.6 + 0.8 * rnd.nextDouble();
            for (int t = 0; t < DAYS; t++) {
                returns[i][t] = 0.0003 + beta * market[t] + 0.012 * gauss(rnd);
            }
        }
        book = new Book(ids, weights, sectors, strategies, returns, HOLDINGS);
        model = MarketModel.of(book);
        spec = new SizingSpec(
                new SizingSpec.Trade(1, 1_000_000, 50, 47, BigDecimal.ONE, 0.15, Conviction.MEDIUM, "T1", DAYS),
                new SizingSpec.Method(SizingMethod.KELLY_CRITERION, 0.1, 0.02, 0.01, 0.25, 0.5, 0.25, null),
                new SizingSpec.Risk(RiskModel.HISTORICAL_VAR, 0.95, 1, false, 10_000, 42),
                new SizingSpec.Limits(0.10, 0.001, 0.25, false, 0.08, 0.30, 0.95, 1.5),
                new SizingSpec.Budgets(0.3, Map.of("S1", 0.3), Map.of("T1", 0.5), 0.2, 20, Double.NaN), List.of());

        Map<String, double[]> history = new LinkedHashMap<>();
        List<PositionSizingRequest.HoldingState> holdings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            history.put(ids[i], returns[i]);
            if (i < HOLDINGS) {
                holdings.add(new PositionSizingRequest.HoldingState(ids[i], new BigDecimal("180"), 100.0, sectors[i],
                        strategies[i]));
            }
        }
        request = new PositionSizingRequest(
                new PositionSizingRequest.TradingDecision("d", ids[HOLDINGS], Side.LONG, 50.0, 47.0, 0.15, null, "T1",
                        Conviction.MEDIUM, sectors[HOLDINGS], null),
                new PositionSizingRequest.PortfolioState("p", new BigDecimal("1000000"), new BigDecimal("100000"),
                        "USD", holdings, history, null),
                null,
                new PositionSizingRequest.RiskConstraints(0.25, null, 0.08, 0.30, 0.95, 1.5),
                new PositionSizingRequest.RiskBudgets(0.3, Map.of("S1", 0.3), Map.of("T1", 0.5), 0.2, 20), null, null);
        service = new PositionSizingService();
        service.size(request);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        service.close();
    }

    static double gauss(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Benchmark
    public SizingOutcome engineSize() {
        return PositionSizingEngine.size(spec, model);
    }

    @Benchmark
    public PositionSizingResponse serviceSize() {
        return service.size(request);
    }

    @Benchmark
    public MarketModel baselineModelEstimate() {
        return MarketModel.of(book);
    }
}
