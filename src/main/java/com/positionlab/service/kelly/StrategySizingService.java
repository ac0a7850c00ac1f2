package com.positionlab.service.kelly;

import java.time.ZoneOffset;
import java.util.List;

import com.positionlab.domain.Strategy;
import com.positionlab.domain.StrategyKellyConfig;
import com.positionlab.domain.Trade;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.kelly.ConvictionMultipliers;
import com.positionlab.engine.kelly.DrawdownPolicy;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.kelly.EdgeEstimator;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.kelly.PositionSizer;
import com.positionlab.engine.kelly.SizingRequest;
import com.positionlab.engine.kelly.SizingResult;
import com.positionlab.engine.kelly.StrategyEdge;
import com.positionlab.engine.kelly.Tier;
import com.positionlab.engine.kelly.TradeOutcome;
import com.positionlab.service.ValidationException;
import com.positionlab.store.Store;

/**
 * Sizes a strategy's next bet by its stored Kelly configuration: the edge of its trades (or the fixed
 * fallback below the minimum number of trades), the drawdown and recent-results multipliers, the
 * conviction, and the tier's position limits, each reported with its reason.
 */
public final class StrategySizingService {

    /** A strategy's configuration, edge and sized fraction, and its trades as outcomes per unit staked. */
    public record StrategySizing(StrategyKellyConfig config, EdgeReport edge, SizingResult sizing,
                                 double[] outcomesPerStake) {
    }

    private final Store store;
    private final StrategyKellyConfigService configs;

    public StrategySizingService(Store store) {
        this.store = store;
        this.configs = new StrategyKellyConfigService(store);
    }

    /**
     * Sizes the strategy for a balance and a conviction. {@code outcomesPerStake} are its trades' P&L
     * divided by its average loss (a loss of average size loses one stake), for the growth simulation.
     */
    public StrategySizing size(String strategyId, Conviction conviction, double balance) {
        Strategy strategy = store.trades().strategies().stream().filter(s -> s.id().equals(strategyId)).findFirst()
                .orElseThrow(() -> new ValidationException("strategy", ValidationException.quote(strategyId)
                        + " does not exist"));
        StrategyKellyConfig c = configs.load(strategyId);
        List<Trade> trades = store.trades().trades(strategyId);
        EdgeConfig d = EdgeConfig.defaults();
        EdgeConfig edgeConfig = new EdgeConfig(c.minTrades(), c.recentTrades(), c.recentDays(), c.fallbackFraction(),
                d.confidenceLevel(), d.resamples(), d.seed());
        DrawdownPolicy dd = DrawdownPolicy.defaults();
        DrawdownPolicy drawdown = new DrawdownPolicy(c.drawdownFloor(), c.maxDrawdown(), dd.exponent(), c.recentTrades(),
                dd.negativeExpectancyFactor(), dd.outperformanceMargin(), dd.outperformanceFactor());

        List<TradeOutcome> outcomes = trades.stream()
                .map(t -> new TradeOutcome(t.pnl().doubleValue(), t.exitTime().toEpochSecond(ZoneOffset.UTC))).toList();
        long asOf = outcomes.stream().mapToLong(TradeOutcome::exitEpochSecond).max().orElse(0);
        StrategyEdge e = EdgeEstimator.estimate(outcomes, asOf, edgeConfig);
        double[] pnl = EdgeEstimator.pnlInExitOrder(outcomes, asOf);
        EdgeReport report = EdgeService.edge(strategy, trades, edgeConfig, EdgeService.DEFAULT_STARTING_CAPITAL,
                drawdown);

        Tier base = c.tier().defaults();
        Tier tier = new Tier(base.name(), c.minPosition(), c.maxPosition(), base.highConvictionAllowed());
        KellyPolicy policy = new KellyPolicy(c.maxKellyFraction(), c.kellyMultiplier(), c.minPosition(), c.maxPosition());
        SizingResult sizing = PositionSizer.size(new SizingRequest(e.all().basis(), policy,
                report.dynamicAdjustment().adjustments(),
                conviction, new ConvictionMultipliers(c.convictionLow(), c.convictionMedium(), c.convictionHigh()), tier,
                balance, 1.0, 0.0));

        double averageLoss = e.all().statistics().averageLoss();
        double[] perStake = averageLoss > 0 ? java.util.Arrays.stream(pnl).map(x -> x / averageLoss).toArray() : null;
        return new StrategySizing(c, report, sizing, perStake);
    }
}
