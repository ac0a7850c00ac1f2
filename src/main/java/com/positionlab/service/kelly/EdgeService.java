package com.positionlab.service.kelly;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import com.positionlab.domain.Strategy;
import com.positionlab.domain.Trade;
import com.positionlab.engine.kelly.DrawdownPolicy;
import com.positionlab.engine.kelly.DynamicKellyAdjuster;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.kelly.EdgeEstimator;
import com.positionlab.engine.kelly.StrategyEdge;
import com.positionlab.engine.kelly.TradeOutcome;
import com.positionlab.service.ValidationException;
import com.positionlab.store.Store;

/**
 * Edge from trade history, per strategy: statistics and Kelly (with a seeded bootstrap interval) over all
 * trades, the last N trades and the last D days, and the dynamic Kelly multiplier from the strategy's
 * drawdown. Trade times are taken as UTC; "as of" defaults to the strategy's latest exit.
 */
public final class EdgeService {

    /** Starting capital of a strategy's equity curve, for its drawdown. */
    public static final double DEFAULT_STARTING_CAPITAL = 100_000;

    private final Store store;

    public EdgeService(Store store) {
        this.store = store;
    }

    /** The edge of every strategy, or of one when {@code strategyId} is given. */
    public List<EdgeReport> edges(String strategyId, EdgeConfig config, double startingCapital) {
        List<Strategy> strategies = store.trades().strategies();
        if (strategyId != null) {
            strategies = strategies.stream().filter(s -> s.id().equals(strategyId)).toList();
            if (strategies.isEmpty()) {
                throw new ValidationException("strategy", ValidationException.quote(strategyId) + " does not exist");
            }
        }
        return strategies.stream().map(s -> edge(s, store.trades().trades(s.id()), config, startingCapital)).toList();
    }

    /** The edge of one strategy from its trades, as of its latest exit, with the default drawdown policy. */
    public static EdgeReport edge(Strategy s, List<Trade> trades, EdgeConfig config, double startingCapital) {
        return edge(s, trades, config, startingCapital, DrawdownPolicy.defaults());
    }

    /** The edge of one strategy from its trades, as of its latest exit. */
    public static EdgeReport edge(Strategy s, List<Trade> trades, EdgeConfig config, double startingCapital,
                                  DrawdownPolicy drawdown) {
        List<TradeOutcome> outcomes = trades.stream()
                .map(t -> new TradeOutcome(t.pnl().doubleValue(), t.exitTime().toEpochSecond(ZoneOffset.UTC))).toList();
        LocalDateTime asOf = trades.stream().map(Trade::exitTime).max(Comparator.naturalOrder()).orElse(null);
        long asOfSecond = asOf == null ? 0 : asOf.toEpochSecond(ZoneOffset.UTC);
        StrategyEdge e = EdgeEstimator.estimate(outcomes, asOfSecond, config);
        double[] pnl = EdgeEstimator.pnlInExitOrder(outcomes, asOfSecond);
        var dynamic = DynamicKellyAdjuster.adjust(pnl, startingCapital, drawdown);
        return new EdgeReport(s.id(), s.name(), asOf, EdgeReport.Window.of(e.all()),
                EdgeReport.Window.of(e.lastTrades()), EdgeReport.Window.of(e.lastDays()),
                EdgeReport.Dynamic.of(dynamic), EdgeReport.Parameters.of(config, startingCapital));
    }
}
