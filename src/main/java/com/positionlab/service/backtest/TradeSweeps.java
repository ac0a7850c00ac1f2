package com.positionlab.service.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.backtest.sweep.ParameterSweep;
import com.positionlab.engine.backtest.sweep.SweepPointException;
import com.positionlab.engine.backtest.trades.ClosedTrade;
import com.positionlab.engine.backtest.trades.SequenceResult;
import com.positionlab.engine.backtest.trades.SequenceSettings;
import com.positionlab.engine.backtest.trades.TradeSequenceBacktest;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.backtest.BacktestResponse.SequenceStatistics;
import com.positionlab.service.backtest.BacktestResponse.TradeSweepPoint;

/**
 * A sweep of one sizing rule's parameters over the same closed trades ({@code "sweep": {"sizing.kelly_multiplier":
 * [0.25, 0.5, 1]}}), in parallel and the same whatever the thread count; ranked by {@code rank_by}
 * ({@code total_return} (default), {@code max_drawdown} or {@code hit_rate}) over the trades closed before
 * {@code split_date} when there is one, with the later trades' figures beside it.
 */
final class TradeSweeps {

    static final List<String> RANKS = List.of("total_return", "max_drawdown", "hit_rate");

    private TradeSweeps() {
    }

    static BacktestResponse run(BacktestRequest r, List<ClosedTrade> trades, SequenceSettings settings,
                                Progress progress) {
        if (r.sizing() != null && r.sizing().size() != 1) {
            throw new ValidationException("sweep", "sweeps one sizing rule: give one in sizing (default kelly)");
        }
        JsonNode base = r.sizing() != null ? r.sizing().get(0) : Json.mapper().createObjectNode().put("method", "kelly");
        String rankBy = r.rankBy() == null ? "total_return" : r.rankBy();
        if (!RANKS.contains(rankBy)) {
            throw new ValidationException("rank_by", "must be one of " + String.join(", ", RANKS));
        }
        int threads = r.threads() == null ? Runtime.getRuntime().availableProcessors() : r.threads();
        if (threads < 1 || threads > 16) {
            throw new ValidationException("threads", "must be from 1 to 16");
        }
        int split = split(r.splitDate(), trades);
        List<Map<String, JsonNode>> points = Sweeps.grid(r.sweep(), key -> Sweeps.field(key, "sizing."),
                "is not sizing.FIELD (a field of the sizing rule other than its method)");
        List<TradeSweepPoint> results;
        try {
            results = ParameterSweep.run(points, point -> point(base, point, trades, settings, split), threads,
                    progress);
        } catch (SweepPointException e) {
            if (e.getCause() instanceof ValidationException v) {
                throw new ValidationException(v.errors().stream().map(f -> new ValidationException.FieldError(
                        f.field(), f.reason() + " (at " + points.get(e.index()) + ")")).toList());
            }
            throw e;
        }
        List<TradeSweepPoint> ranked = new ArrayList<>(results);
        ranked.sort(Comparator.comparingDouble(p -> {
            double v = value(p.inSample() != null ? p.inSample() : p.statistics(), rankBy);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v; // each figure: higher is better
        }));
        List<TradeSweepPoint> out = new ArrayList<>();
        for (int k = 0; k < ranked.size(); k++) {
            TradeSweepPoint p = ranked.get(k);
            out.add(new TradeSweepPoint(k + 1, p.parameters(), p.inSample(), p.outOfSample(), p.statistics()));
        }
        return new BacktestResponse.TradeSweepResult(new BacktestResponse.TradeSweep("trade_sequence", rankBy,
                TradeSequences.rule(base, "sizing[0]").label(), r.splitDate(), threads, trades.size(), out));
    }

    private static double value(SequenceStatistics s, String name) {
        return switch (name) {
            case "max_drawdown" -> s.maxDrawdown();
            case "hit_rate" -> s.hitRate();
            default -> s.totalReturn();
        };
    }

    /** The first trade closed on or after the split date; -1 without one. */
    private static int split(LocalDate date, List<ClosedTrade> trades) {
        if (date == null) {
            return -1;
        }
        long at = date.toEpochDay() * 86_400;
        int k = 0;
        while (k < trades.size() && trades.get(k).exitEpochSecond() < at) {
            k++;
        }
        if (k < 1 || k >= trades.size()) {
            throw new ValidationException("split_date", "must leave at least one closed trade on each side of it");
        }
        return k;
    }

    private static TradeSweepPoint point(JsonNode base, Map<String, JsonNode> point, List<ClosedTrade> trades,
                                         SequenceSettings settings, int split) {
        ObjectNode spec = base.deepCopy();
        point.forEach((key, value) -> Sweeps.set(spec, key.substring("sizing.".length()), value));
        SequenceResult s;
        try {
            s = TradeSequenceBacktest.run(trades, TradeSequences.rule(spec, "sizing[0]"), settings);
        } catch (InvalidParameterException e) {
            throw new ValidationException("sizing[0]." + e.field(), e.getMessage());
        }
        if (split < 0) {
            return new TradeSweepPoint(0, point, null, null, statistics(s, 0, trades.size()));
        }
        return new TradeSweepPoint(0, point, statistics(s, 0, split), statistics(s, split, trades.size()), null);
    }

    /** The figures of trades {@code from} to {@code to - 1} of the replay. */
    static SequenceStatistics statistics(SequenceResult s, int from, int to) {
        double[] curve = s.equityCurve();
        double peak = curve[from];
        double worst = 0;
        int wins = 0;
        double fractions = 0;
        for (int k = from; k < to; k++) {
            peak = Math.max(peak, curve[k + 1]);
            worst = Math.min(worst, curve[k + 1] / peak - 1);
            wins += s.steps().get(k).isWin() ? 1 : 0;
            fractions += s.steps().get(k).fraction();
        }
        int n = to - from;
        return new SequenceStatistics(curve[to] / curve[from] - 1, worst, (double) wins / n, curve[to], n,
                fractions / n);
    }
}
