package com.positionlab.service.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.backtest.BacktestResult;
import com.positionlab.engine.backtest.Backtester;
import com.positionlab.engine.backtest.RebalanceSchedule;
import com.positionlab.engine.backtest.Trade;
import com.positionlab.engine.backtest.stats.PerformanceStatistics;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.ValidationException;
import com.positionlab.service.backtest.BacktestResponse.Point;
import com.positionlab.service.backtest.BacktestResponse.Run;
import com.positionlab.service.backtest.BacktestResponse.Statistics;
import com.positionlab.service.backtest.BacktestResponse.TradeOut;
import com.positionlab.service.optimize.OptimizeService;
import com.positionlab.service.optimize.WorkspacePrices;

/**
 * The backtest use case ({@code backtest}, {@code POST /api/v1/backtest}, the Backtest view): a walk-forward
 * portfolio backtest of one strategy or several side by side, a parameter sweep, or a trade-sequence comparison
 * of sizing rules (see {@link BacktestRequest}). Everything from outside is bounded and a bad field is a
 * {@link ValidationException} naming it; long runs report progress and stop when cancelled.
 */
public final class BacktestService {

    static final int MAX_STRATEGIES = 10;
    static final int MAX_NOTES = 50;
    static final int MAX_TRADES_OUT = 20_000;

    private final OptimizeService optimize;
    private final WorkspacePrices workspace;
    private final java.util.function.Function<String, List<com.positionlab.domain.Trade>> strategyTrades;

    /**
     * A service over a workspace's prices and strategies' closed trades (both null outside a workspace: prices
     * files and trades given in the request only).
     */
    public BacktestService(OptimizeService optimize, WorkspacePrices workspace,
                           java.util.function.Function<String, List<com.positionlab.domain.Trade>> strategyTrades) {
        this.optimize = optimize;
        this.workspace = workspace;
        this.strategyTrades = strategyTrades;
    }

    /** Runs the backtest the request describes. */
    public BacktestResponse run(BacktestRequest r, Progress progress) {
        if (r.trades() != null || r.strategyId() != null || r.sizing() != null) {
            return TradeSequences.run(r, strategyTrades, progress);
        }
        BacktestData data = BacktestData.of(r, workspace);
        Settings s = Settings.of(r, data);
        if (r.sweep() != null) {
            return Sweeps.run(this, r, data, s, progress);
        }
        List<JsonNode> strategies = strategies(r);
        List<Run> runs = new ArrayList<>();
        for (int k = 0; k < strategies.size(); k++) {
            String field = r.strategies() != null ? "strategies[" + k + "]" : "strategy";
            runs.add(run(data, s, Strategies.of(strategies.get(k), field, optimize, data), strategies.get(k), true,
                    Scaled.part(progress, k, strategies.size())));
        }
        return r.strategies() != null ? new BacktestResponse.Comparison(runs) : runs.get(0);
    }

    private static List<JsonNode> strategies(BacktestRequest r) {
        if (r.strategy() != null && r.strategies() != null) {
            throw new ValidationException("strategies", "give either a strategy or a list of strategies, not both");
        }
        if (r.strategies() != null) {
            if (r.strategies().isEmpty() || r.strategies().size() > MAX_STRATEGIES) {
                throw new ValidationException("strategies", "must list from 1 to " + MAX_STRATEGIES + " strategies");
            }
            return r.strategies();
        }
        if (r.strategy() == null) {
            throw new ValidationException("strategy", "is required, e.g. {\"method\": \"equal_weight\"}");
        }
        return List.of(r.strategy());
    }

    /** One strategy's backtest with its statistics, attribution and, when asked, its trades. */
    Run run(BacktestData data, Settings s, Strategies.Strategy strategy, JsonNode spec, boolean details,
            Progress progress) {
        BacktestResult res;
        try {
            res = Backtester.run(s.request(), strategy.rule(), progress);
        } catch (InvalidParameterException e) {
            throw new ValidationException(e.field().equals("target_weights") ? "strategy" : e.field(),
                    e.getMessage());
        }
        Statistics all = statistics(res, 0, res.size(), s.riskFreeDaily());
        Statistics in = null;
        Statistics out = null;
        if (s.split() != null) {
            int k = res.splitIndex(s.split());
            if (k <= 1 || k >= res.size() - 1) {
                throw new ValidationException("split_date", "must leave at least two days on each side of it, between "
                        + res.dates()[0] + " and " + res.dates()[res.size() - 1]);
            }
            in = statistics(res, 0, k, s.riskFreeDaily());
            out = statistics(res, k - 1, res.size(), s.riskFreeDaily());
        }
        if (!details) {
            return new Run(strategy.label(), spec, res.dates()[0], res.dates()[res.size() - 1], res.initialCapital(),
                    res.finalEquity(), null, null, all, s.split(), in, out, res.rebalanceDates().size(), null, null,
                    null, null, strategy.notes().isEmpty() ? null : strategy.notes());
        }
        List<Point> equity = new ArrayList<>(res.size());
        List<Point> drawdown = new ArrayList<>(res.size());
        double[] dd = PerformanceStatistics.drawdownCurve(res.equity());
        for (int d = 0; d < res.size(); d++) {
            equity.add(new Point(res.dates()[d], res.equityAt(d)));
            drawdown.add(new Point(res.dates()[d], dd[d]));
        }
        List<TradeOut> trades = new ArrayList<>();
        if (s.includeTrades()) {
            for (Trade t : res.trades()) {
                if (trades.size() == MAX_TRADES_OUT) {
                    break;
                }
                trades.add(new TradeOut(t.date(), data.tickers().get(t.instrument()), t.units(), t.price(), t.value(),
                        t.cost()));
            }
        }
        var attribution = PortfolioAttribution.of(data, res, s.offset(), s.benchmark(), s.request().cashRate());
        return new Run(strategy.label(), spec, res.dates()[0], res.dates()[res.size() - 1], res.initialCapital(),
                res.finalEquity(), equity, drawdown, all, s.split(), in, out, res.rebalanceDates().size(),
                s.includeTrades() ? trades : null, s.includeTrades() ? res.trades().size() - trades.size() : null,
                attribution, Benchmarks.of(data, res, s.offset(), s.riskFreeDaily()),
                strategy.notes().isEmpty() ? null : strategy.notes());
    }

    /** The statistics of days {@code from} to {@code to - 1}, with the turnover and costs of their trades. */
    static Statistics statistics(BacktestResult r, int from, int to, double rfDaily) {
        double[] equity = r.equity(from, to);
        var p = PerformanceStatistics.of(equity, rfDaily);
        double turnover = 0;
        double costs = 0;
        for (int d = from == 0 ? 0 : from + 1; d < to; d++) {
            turnover += r.turnovers()[d];
            costs += r.commissions()[d] + r.slippages()[d];
        }
        return new Statistics(p.totalReturn(), p.cagr(), p.volatility(), p.sharpe(), p.sortino(), p.calmar(),
                p.maxDrawdown(), p.maxDrawdownDays(), turnover, costs, p.hitRate(), equity.length - 1);
    }

    /** A request's common settings, checked. */
    record Settings(com.positionlab.engine.backtest.BacktestRequest request, int offset, LocalDate split,
                    double riskFreeDaily, double[] benchmark, boolean includeTrades) {

        static Settings of(BacktestRequest r, BacktestData data) {
            int lookback = r.lookback() == null ? 252 : r.lookback();
            if (lookback < 20 || lookback > 10_000) {
                throw new ValidationException("lookback", "must be from 20 to 10000 trading days of returns");
            }
            var h = data.history();
            LocalDate start = r.start() != null ? r.start() : h.date(Math.min(lookback, h.size() - 1));
            LocalDate end = r.end() != null ? r.end() : h.date(h.size() - 1);
            double capital = bounded(r.initialCapital(), 100_000, 1e-2, 1e12, "initial_capital");
            double cash = bounded(r.cashRate(), 0, -0.1, 1, "cash_rate");
            double rf = bounded(r.riskFreeRate(), 0, -0.1, 1, "risk_free_rate");
            double costs = bounded(r.costsBps(), 0, 0, 1000, "costs_bps");
            double slippage = bounded(r.slippageBps(), 0, 0, 1000, "slippage_bps");
            try {
                var request = new com.positionlab.engine.backtest.BacktestRequest(h, start, end, capital,
                        schedule(r.rebalance()), lookback + 1, costs, slippage, Math.pow(1 + cash, 1 / 252.0) - 1,
                        data.lots());
                return new Settings(request, h.firstOnOrAfter(start), r.splitDate(), rf / 252,
                        PortfolioAttribution.benchmark(r.benchmark(), data), !Boolean.FALSE.equals(r.includeTrades()));
            } catch (InvalidParameterException e) {
                throw new ValidationException(e.field().equals("cost_bps") ? "costs_bps" : e.field(),
                        e.getMessage().substring(e.field().length() + 2));
            }
        }

        Settings with(com.positionlab.engine.backtest.BacktestRequest newRequest) {
            return new Settings(newRequest, offset, split, riskFreeDaily, benchmark, includeTrades);
        }
    }

    static double bounded(Double v, double fallback, double lo, double hi, String field) {
        if (v == null) {
            return fallback;
        }
        if (!(v >= lo && v <= hi)) {
            throw new ValidationException(field, "must be from " + lo + " to " + hi);
        }
        return v;
    }

    /** {@code "daily"}, {@code "weekly"}, {@code "monthly"} (default), {@code "once"} or {"drift_band": x}. */
    static RebalanceSchedule schedule(JsonNode n) {
        if (n == null || n.isNull()) {
            return RebalanceSchedule.monthly();
        }
        if (n.isObject() && n.size() == 1 && n.has("drift_band")) {
            double band = n.get("drift_band").asDouble(Double.NaN);
            if (!(band > 0 && band <= 1)) {
                throw new ValidationException("rebalance.drift_band", "must be above 0 and at most 1 (a weight's "
                        + "drift from its target, as a fraction)");
            }
            return RebalanceSchedule.driftBand(band);
        }
        return switch (n.isTextual() ? n.asText().toLowerCase(Locale.ROOT) : "") {
            case "daily" -> RebalanceSchedule.daily();
            case "weekly" -> RebalanceSchedule.weekly();
            case "monthly" -> RebalanceSchedule.monthly();
            case "once" -> RebalanceSchedule.once();
            default -> throw new ValidationException("rebalance", "must be daily, weekly, monthly, once or "
                    + "{\"drift_band\": 0.05}");
        };
    }

    OptimizeService optimize() {
        return optimize;
    }
}
