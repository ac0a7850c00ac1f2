package com.positionlab.service.backtest;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.domain.Trade;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.backtest.trades.ClosedTrade;
import com.positionlab.engine.backtest.trades.FixedFractionRule;
import com.positionlab.engine.backtest.trades.FixedRiskRule;
import com.positionlab.engine.backtest.trades.KellyRule;
import com.positionlab.engine.backtest.trades.OptimalFRule;
import com.positionlab.engine.backtest.trades.SequenceResult;
import com.positionlab.engine.backtest.trades.SequenceSettings;
import com.positionlab.engine.backtest.trades.SizingAttribution;
import com.positionlab.engine.backtest.trades.SizingRule;
import com.positionlab.engine.backtest.trades.TradeSequenceBacktest;
import com.positionlab.engine.kelly.DrawdownPolicy;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.backtest.BacktestResponse.SequenceRun;

/**
 * The trade-sequence backtest: a strategy's closed trades (given, or a workspace strategy's) replayed in exit
 * order, each sized before it from the trades closed earlier only, by each sizing rule of the request:
 * {@code {"method": "kelly"}} (with {@code kelly_multiplier}, {@code max_kelly_fraction}, {@code minimum_trades},
 * {@code fallback_fraction}, {@code drawdown_adjustment}, {@code max_position}), {@code "fixed_fraction"}
 * ({@code fraction}), {@code "fixed_risk"} ({@code risk_per_trade}, {@code max_position}; needs each trade's
 * stop) and {@code "optimal_f"} ({@code fraction} of optimal f, {@code minimum_trades},
 * {@code fallback_fraction}, {@code max_position}). Without {@code sizing}: Kelly, 10% fixed fraction and
 * half optimal f with their defaults, and 1% fixed risk when every trade has a stop.
 */
final class TradeSequences {

    static final int MAX_TRADES = 100_000;
    static final int MAX_RULES = 10;

    private TradeSequences() {
    }

    static BacktestResponse run(BacktestRequest r, Function<String, List<Trade>> stored, Progress progress) {
        List<ClosedTrade> trades = trades(r, stored);
        SequenceSettings settings;
        try {
            settings = new SequenceSettings(BacktestService.bounded(r.initialCapital(), 100_000, 1e-2, 1e12,
                    "initial_capital"), BacktestService.bounded(r.costsBps(), 0, 0, 1000, "costs_bps"));
        } catch (InvalidParameterException e) {
            throw new ValidationException(e.field(), e.getMessage());
        }
        if (r.sweep() != null) {
            return TradeSweeps.run(r, trades, settings, progress);
        }
        List<JsonNode> specs = r.sizing() != null ? r.sizing() : defaults(trades);
        if (specs.isEmpty() || specs.size() > MAX_RULES) {
            throw new ValidationException("sizing", "must list from 1 to " + MAX_RULES + " sizing rules");
        }
        List<SequenceRun> runs = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            progress.checkCancelled();
            progress.update((double) k / specs.size(), "replaying the trades");
            String field = "sizing[" + k + "]";
            SizingRule rule = rule(specs.get(k), field);
            SizingAttribution a;
            try {
                a = TradeSequenceBacktest.attribution(trades, rule, settings);
            } catch (InvalidParameterException e) {
                throw new ValidationException(field + "." + e.field(), e.getMessage());
            }
            runs.add(run(specs.get(k), rule, a));
        }
        progress.update(1, "replayed");
        return new BacktestResponse.TradeSequence("trade_sequence", trades.size(), runs);
    }

    private static SequenceRun run(JsonNode spec, SizingRule rule, SizingAttribution a) {
        SequenceResult s = a.chosen();
        double[] curve = s.equityCurve();
        List<BacktestResponse.TradePoint> points = new ArrayList<>(curve.length);
        for (int k = 0; k < curve.length; k++) {
            points.add(new BacktestResponse.TradePoint(k, curve[k]));
        }
        String label = spec.hasNonNull("label") ? ValidationException.clip(spec.get("label").asText()) : rule.label();
        return new SequenceRun(label, spec, points, new BacktestResponse.SequenceStatistics(s.totalReturn(),
                -s.maxDrawdown(), s.hitRate(), s.finalEquity(), s.trades(), s.averageFraction()),
                new BacktestResponse.SizingAttributionOut(s.totalReturn(), a.equalSize().totalReturn(),
                        a.fromSizing(), a.averageFraction()),
                s.steps().stream().map(t -> t.fraction()).toList());
    }

    private static List<ClosedTrade> trades(BacktestRequest r, Function<String, List<Trade>> stored) {
        if ((r.trades() == null) == (r.strategyId() == null)) {
            throw new ValidationException("trades", "give either the closed trades or a strategy_id of the workspace");
        }
        List<ClosedTrade> out = new ArrayList<>();
        if (r.strategyId() != null) {
            if (stored == null) {
                throw new ValidationException("strategy_id", "needs a workspace (run with --db, or through the "
                        + "workstation or the API)");
            }
            List<Trade> closed = new ArrayList<>(stored.apply(r.strategyId()));
            if (closed.isEmpty()) {
                throw new ValidationException("strategy_id", ValidationException.quote(r.strategyId())
                        + " has no closed trades in this workspace");
            }
            closed.sort(Comparator.comparing(Trade::exitTime));
            closed.forEach(t -> out.add(new ClosedTrade(t.returnOnEntry(), t.exitTime().toEpochSecond(ZoneOffset.UTC))));
            return out;
        }
        if (r.trades().isEmpty() || r.trades().size() > MAX_TRADES) {
            throw new ValidationException("trades", "must list from 1 to " + MAX_TRADES + " closed trades");
        }
        for (int k = 0; k < r.trades().size(); k++) {
            BacktestRequest.ClosedTradeIn t = r.trades().get(k);
            String field = "trades[" + k + "]";
            if (t == null || t.returnOnPosition() == null || !(t.returnOnPosition() >= -1 && t.returnOnPosition() <= 100)) {
                throw new ValidationException(field + ".return", "must be a return on the position from -1 to 100");
            }
            if (t.stopLoss() != null && !(t.stopLoss() > 0 && t.stopLoss() <= 1)) {
                throw new ValidationException(field + ".stop_loss", "must be above 0 and at most 1 (the loss at "
                        + "the stop, a fraction of the position)");
            }
            long exit = t.exit() == null ? k : t.exit().toEpochDay() * 86_400;
            if (k > 0 && exit < out.get(k - 1).exitEpochSecond()) {
                throw new ValidationException(field + ".exit", "trades must be in exit order");
            }
            out.add(new ClosedTrade(t.returnOnPosition(), t.stopLoss() == null ? Double.NaN : t.stopLoss(), exit));
        }
        return out;
    }

    private static List<JsonNode> defaults(List<ClosedTrade> trades) {
        List<JsonNode> specs = new ArrayList<>();
        specs.add(Json.mapper().createObjectNode().put("method", "kelly"));
        specs.add(Json.mapper().createObjectNode().put("method", "fixed_fraction").put("fraction", 0.1));
        if (trades.stream().allMatch(ClosedTrade::hasStop)) {
            specs.add(Json.mapper().createObjectNode().put("method", "fixed_risk").put("risk_per_trade", 0.01));
        }
        specs.add(Json.mapper().createObjectNode().put("method", "optimal_f").put("fraction", 0.5));
        return specs;
    }

    static SizingRule rule(JsonNode n, String field) {
        if (n == null || !n.isObject()) {
            throw new ValidationException(field, "must be an object with a method");
        }
        try {
            return switch (n.path("method").asText("").toLowerCase(Locale.ROOT)) {
                case "kelly" -> {
                    EdgeConfig d = EdgeConfig.defaults();
                    EdgeConfig edge = new EdgeConfig(whole(n, "minimum_trades", d.minimumTrades(), field),
                            d.recentTrades(), d.recentDays(), num(n, "fallback_fraction", d.fallbackFraction(), field),
                            d.confidenceLevel(), d.resamples(), d.seed());
                    KellyPolicy p = KellyPolicy.defaults();
                    KellyPolicy policy = new KellyPolicy(num(n, "max_kelly_fraction", p.maxKellyFraction(), field),
                            num(n, "kelly_multiplier", p.kellyMultiplier(), field), p.minPosition(), p.maxPosition());
                    boolean drawdown = !n.has("drawdown_adjustment") || n.get("drawdown_adjustment").asBoolean(true);
                    yield new KellyRule(edge, policy, drawdown ? DrawdownPolicy.defaults() : null,
                            num(n, "max_position", 1, field));
                }
                case "fixed_fraction" -> new FixedFractionRule(num(n, "fraction", 0.1, field));
                case "fixed_risk" -> new FixedRiskRule(num(n, "risk_per_trade", 0.01, field),
                        num(n, "max_position", 1, field));
                case "optimal_f" -> new OptimalFRule(num(n, "fraction", 0.5, field),
                        whole(n, "minimum_trades", EdgeConfig.DEFAULT_MINIMUM_TRADES, field),
                        num(n, "fallback_fraction", EdgeConfig.DEFAULT_FALLBACK_FRACTION, field),
                        num(n, "max_position", 1, field));
                default -> throw new ValidationException(field + ".method", "must be kelly, fixed_fraction, "
                        + "fixed_risk or optimal_f");
            };
        } catch (InvalidParameterException e) {
            throw new ValidationException(field + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static double num(JsonNode n, String name, double fallback, String field) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new ValidationException(field + "." + name, "must be a number");
        }
        return v.asDouble();
    }

    private static int whole(JsonNode n, String name, int fallback, String field) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > 100_000) {
            throw new ValidationException(field + "." + name, "must be a whole number from 1 to 100000");
        }
        return v.asInt();
    }
}
