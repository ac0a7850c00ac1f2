package com.positionlab.api;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.positionlab.service.backtest.AttributionRequest;
import com.positionlab.service.backtest.AttributionService;
import com.positionlab.service.kelly.KellyCalculationRequest;
import com.positionlab.service.kelly.KellyService;
import com.positionlab.service.optimize.OptimizeRequest;
import com.positionlab.service.optimize.OptimizationHistory;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingService;
import com.positionlab.service.sizing.StoreWriteHealth;
import com.positionlab.service.Services;

/**
 * The seed's four operations, the optimiser and the attribution, each calling the same service as the CLI and
 * the UI.
 *
 * <p>The services come from the composition root ({@link Services}). The Kelly endpoint uses the
 * calculator without a workspace ({@link Services#calculators()}): a busy API would otherwise fill the
 * workspace's {@code kelly_calculations} table with every what-if a client asks (the CLI's {@code kelly --db}
 * stores on purpose). Sizing goes through the workspace's {@link PositionSizingService}, the one the CLI's
 * {@code size} uses, which reads the portfolio, history and rules a request leaves out, caches them, and
 * commits a {@code position_sized} event for every sizing before it is answered. Health shares the
 * service's {@link StoreWriteHealth}. Optimisations and frontiers go through the workspace's
 * {@link OptimizationHistory}, which stores the runs of requests naming a {@code portfolio_id}. Attribution uses
 * the calculator ({@link AttributionService}), which needs no workspace and stores nothing.
 */
final class Endpoints {

    static final String CALCULATE_POSITION_SIZE = "/api/v1/calculate-position-size";
    static final String KELLY_CRITERION = "/api/v1/kelly-criterion";
    static final String OPTIMIZE = "/api/v1/optimize";
    static final String FRONTIER = "/api/v1/frontier";
    static final String BACKTEST = "/api/v1/backtest";
    /** The longest a backtest may compute before it is stopped with an error. */
    static final long BACKTEST_BUDGET_NANOS = 60_000_000_000L;
    static final String ATTRIBUTION = "/api/v1/attribution";
    static final String LATEST_OPTIMIZATION = "/api/v1/optimization/{portfolio_id}/latest";
    static final String HEALTH = "/api/v1/health";
    static final String METRICS = "/api/v1/metrics";
    static final List<String> PATHS = List.of(CALCULATE_POSITION_SIZE, KELLY_CRITERION, OPTIMIZE, FRONTIER,
            BACKTEST, ATTRIBUTION, LATEST_OPTIMIZATION, HEALTH, METRICS);

    private final PositionSizingService sizing;
    private final KellyService kelly;
    private final OptimizationHistory optimizations;
    private final com.positionlab.service.backtest.BacktestService backtests;
    private final AttributionService attribution;
    private final HealthCheck health;
    private final ApiMetrics metrics;
    private final String version;
    private final LongSupplier nanoClock;
    private final long startedAt;

    Endpoints(Services services, ApiMetrics metrics, String version, LongSupplier nanoClock) {
        this.sizing = services.sizing();
        this.kelly = services.calculators().kelly();
        this.optimizations = services.optimizations();
        this.backtests = services.backtests();
        this.attribution = services.calculators().attribution();
        this.health = new HealthCheck(services.workspace(), sizing.writeHealth());
        this.metrics = metrics;
        this.version = version;
        this.nanoClock = nanoClock;
        this.startedAt = nanoClock.getAsLong();
    }

    List<Route> routes() {
        return List.of(
                Route.post(CALCULATE_POSITION_SIZE, this::calculatePositionSize),
                Route.post(KELLY_CRITERION, this::kellyCriterion),
                Route.post(OPTIMIZE, r -> Reply.ok(optimizations.optimize(r.body(OptimizeRequest.class)))),
                Route.post(FRONTIER, r -> Reply.ok(optimizations.frontier(r.body(OptimizeRequest.class)))),
                Route.post(BACKTEST, r -> Reply.ok(backtest(r.body(
                        com.positionlab.service.backtest.BacktestRequest.class)))),
                Route.post(ATTRIBUTION, r -> Reply.ok(attribution.attribute(r.body(AttributionRequest.class,
                        AttributionService::check)))),
                Route.get(LATEST_OPTIMIZATION, this::latestOptimization),
                Route.probe(HEALTH, r -> health()),
                Route.probe(METRICS, r -> metrics()));
    }

    /** A backtest within {@link #BACKTEST_BUDGET_NANOS} of computing, or an error naming the request. */
    private Object backtest(com.positionlab.service.backtest.BacktestRequest request) {
        long end = nanoClock.getAsLong() + BACKTEST_BUDGET_NANOS;
        com.positionlab.engine.task.Progress budget = new com.positionlab.engine.task.Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return nanoClock.getAsLong() - end > 0;
            }
        };
        try {
            return backtests.run(request, budget);
        } catch (com.positionlab.engine.task.CancelledException e) {
            throw new com.positionlab.service.ValidationException("request", "the backtest took longer than "
                    + BACKTEST_BUDGET_NANOS / 1_000_000_000L + " s; shorten the dates, the strategies or the sweep");
        }
    }

    private Reply calculatePositionSize(ApiRequest request) throws Exception {
        return Reply.ok(sizing.size(request.body(PositionSizingRequest.class, sizing::check)));
    }

    private Reply kellyCriterion(ApiRequest request) throws Exception {
        return Reply.ok(kelly.calculate(request.body(KellyCalculationRequest.class, KellyService::check)));
    }

    /** The portfolio's newest stored optimisation (as it was answered), or 404. */
    private Reply latestOptimization(ApiRequest request) {
        String portfolio = request.parameter();
        return optimizations.latest(portfolio).map(Reply::ok).orElseGet(() -> Reply.of(404,
                new ErrorBody("not_found", "no stored optimisation for portfolio " + portfolio, List.of())));
    }

    /** 200 when the workspace answers and accepts writes, 503 (DEGRADED) when it does not. */
    private Reply health() {
        HealthReport.StoreHealth store = health.store();
        boolean up = "UP".equals(store.status());
        HealthReport report = new HealthReport(up ? "UP" : "DEGRADED", store, version,
                (long) uptimeSeconds());
        return Reply.of(up ? 200 : 503, report);
    }

    private Reply metrics() {
        return Reply.ok(metrics.report(uptimeSeconds(), Map.of("position_sizing", sizing.metrics())));
    }

    private double uptimeSeconds() {
        return (nanoClock.getAsLong() - startedAt) / 1e9;
    }
}
