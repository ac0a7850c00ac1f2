package com.positionlab.service.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.backtest.sweep.ParameterSweep;
import com.positionlab.engine.backtest.sweep.SweepPointException;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.ValidationException;
import com.positionlab.service.backtest.BacktestResponse.Statistics;
import com.positionlab.service.backtest.BacktestResponse.SweepPoint;

/**
 * A parameter sweep: one strategy over every combination of the values listed under {@code sweep} (keys
 * {@code lookback}, {@code rebalance}, {@code costs_bps} and {@code strategy.FIELD}, a field of the strategy,
 * dotted for nested ones), run in parallel on {@code threads} threads (default: every core); the results are the
 * same whatever the thread count. Ranked by {@code rank_by} (default {@code sharpe_ratio}) in sample when there
 * is a split date, so that the out-of-sample figure beside it shows overfitting.
 */
final class Sweeps {

    static final int MAX_POINTS = 400;
    static final int MAX_VALUES = 50;
    /** Statistics where less is better. */
    static final Set<String> LOWER_BETTER = Set.of("volatility", "max_drawdown_days", "turnover", "costs_paid");
    static final Map<String, ToDoubleFunction<Statistics>> STATS = statistics();

    private Sweeps() {
    }

    static BacktestResponse run(BacktestService service, BacktestRequest r, BacktestData data,
                                BacktestService.Settings base, Progress progress) {
        if (r.strategy() == null || r.strategies() != null) {
            throw new ValidationException("sweep", "sweeps one strategy: give strategy, not strategies");
        }
        String rankBy = r.rankBy() == null ? "sharpe_ratio" : r.rankBy();
        if (!STATS.containsKey(rankBy)) {
            throw new ValidationException("rank_by", "must be one of " + String.join(", ", STATS.keySet()));
        }
        int threads = r.threads() == null ? Runtime.getRuntime().availableProcessors() : r.threads();
        if (threads < 1 || threads > 16) {
            throw new ValidationException("threads", "must be from 1 to 16");
        }
        List<Map<String, JsonNode>> points = grid(r.sweep());
        List<SweepPoint> results;
        try {
            results = ParameterSweep.runCancellable(points, (point, guard) -> point(service, r, data, point, guard),
                    threads, progress);
        } catch (SweepPointException e) {
            if (e.getCause() instanceof ValidationException v) {
                throw new ValidationException(v.errors().stream().map(f -> new ValidationException.FieldError(
                        f.field(), f.reason() + " (at " + points.get(e.index()) + ")")).toList());
            }
            throw e;
        }
        ToDoubleFunction<Statistics> stat = STATS.get(rankBy);
        double sign = LOWER_BETTER.contains(rankBy) ? 1 : -1;
        Comparator<SweepPoint> order = Comparator.comparingDouble(p -> {
            double v = stat.applyAsDouble(p.inSample() != null ? p.inSample() : p.statistics());
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : sign * v;
        });
        List<SweepPoint> ranked = new ArrayList<>(results);
        ranked.sort(order);
        List<SweepPoint> out = new ArrayList<>();
        for (int k = 0; k < ranked.size(); k++) {
            SweepPoint p = ranked.get(k);
            out.add(new SweepPoint(k + 1, p.parameters(), p.inSample(), p.outOfSample(), p.statistics()));
        }
        return new BacktestResponse.SweepResult(new BacktestResponse.Sweep(rankBy,
                Strategies.LABELS.getOrDefault(r.strategy().path("method").asText(""), "strategy"), base.split(),
                threads, out));
    }

    private static SweepPoint point(BacktestService service, BacktestRequest r, BacktestData data,
                                    Map<String, JsonNode> point, Progress guard) {
        JsonNode strategy = r.strategy().deepCopy();
        JsonNode rebalance = r.rebalance();
        Integer lookback = r.lookback();
        Double costs = r.costsBps();
        for (Map.Entry<String, JsonNode> e : point.entrySet()) {
            switch (e.getKey()) {
                case "lookback" -> lookback = e.getValue().canConvertToInt() && e.getValue().isIntegralNumber()
                        ? e.getValue().asInt() : fail("sweep.lookback", "values must be whole numbers of days");
                case "rebalance" -> rebalance = e.getValue();
                case "costs_bps" -> costs = e.getValue().isNumber() ? e.getValue().asDouble()
                        : fail("sweep.costs_bps", "values must be numbers");
                default -> set(strategy, e.getKey().substring("strategy.".length()), e.getValue());
            }
        }
        BacktestRequest variant = r.withGrid(rebalance, lookback, costs).withStrategy(strategy);
        BacktestService.Settings s = BacktestService.Settings.of(variant, data);
        var run = service.run(data, s, Strategies.of(strategy, "strategy", service.optimize(), data), strategy,
                false, guard);
        return new SweepPoint(0, point, run.inSample(), run.outOfSample(), run.inSample() == null
                ? run.statistics() : null);
    }

    private static <T> T fail(String field, String reason) {
        throw new ValidationException(field, reason);
    }

    static void set(JsonNode strategy, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode at = (ObjectNode) strategy;
        for (int k = 0; k < parts.length - 1; k++) {
            JsonNode next = at.get(parts[k]);
            at = next instanceof ObjectNode o ? o : at.putObject(parts[k]);
        }
        at.set(parts[parts.length - 1], value);
    }

    /** Every combination of the listed values, the first key varying slowest. */
    static List<Map<String, JsonNode>> grid(Map<String, List<JsonNode>> sweep) {
        return grid(sweep, key -> Set.of("lookback", "rebalance", "costs_bps").contains(key) || field(key, "strategy."),
                "is not lookback, rebalance, costs_bps or strategy.FIELD (a field of the strategy other than its method)");
    }

    /** Whether {@code key} is {@code prefix} and a dotted field name other than the method. */
    static boolean field(String key, String prefix) {
        return key.startsWith(prefix) && key.length() > prefix.length() && key.length() <= 100
                && key.substring(prefix.length()).matches("[a-z_]+(\\.[a-z_]+)*") && !key.equals(prefix + "method");
    }

    /** Every combination of the listed values of the keys {@code known} accepts (else {@code unknown}). */
    static List<Map<String, JsonNode>> grid(Map<String, List<JsonNode>> sweep,
                                            java.util.function.Predicate<String> known, String unknown) {
        if (sweep.isEmpty()) {
            throw new ValidationException("sweep", "must list values for at least one parameter");
        }
        List<Map<String, JsonNode>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<JsonNode>> e : sweep.entrySet()) {
            String key = e.getKey();
            if (!known.test(key)) {
                throw new ValidationException("sweep." + ValidationException.clip(key), unknown);
            }
            List<JsonNode> values = e.getValue();
            if (values == null || values.isEmpty() || values.size() > MAX_VALUES) {
                throw new ValidationException("sweep." + key, "must list from 1 to " + MAX_VALUES + " values");
            }
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> p : points) {
                for (JsonNode v : values) {
                    Map<String, JsonNode> q = new LinkedHashMap<>(p);
                    q.put(key, v);
                    next.add(q);
                }
            }
            if (next.size() > MAX_POINTS) {
                throw new ValidationException("sweep", "makes more than " + MAX_POINTS + " combinations");
            }
            points = next;
        }
        return points;
    }

    private static Map<String, ToDoubleFunction<Statistics>> statistics() {
        Map<String, ToDoubleFunction<Statistics>> m = new LinkedHashMap<>();
        m.put("sharpe_ratio", Statistics::sharpeRatio);
        m.put("sortino_ratio", Statistics::sortinoRatio);
        m.put("calmar_ratio", Statistics::calmarRatio);
        m.put("cagr", Statistics::cagr);
        m.put("total_return", Statistics::totalReturn);
        m.put("max_drawdown", Statistics::maxDrawdown);
        m.put("volatility", Statistics::volatility);
        m.put("max_drawdown_days", Statistics::maxDrawdownDays);
        m.put("turnover", Statistics::turnover);
        m.put("costs_paid", Statistics::costsPaid);
        m.put("hit_rate", Statistics::hitRate);
        return m;
    }
}
