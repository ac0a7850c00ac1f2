package com.positionlab.engine.backtest.trades;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.positionlab.engine.InvalidParameterException;

/**
 * Replays a strategy's closed trades, in exit order, from an initial capital, sizing each trade with a
 * {@link SizingRule} that sees only the trades closed before it.
 *
 * <p>With {@code r_k} the k-th trade's return on its position and {@code c} the cost rate
 * ({@link SequenceSettings#costRate()}): {@code E_0 = initialCapital}; before trade k the rule picks the position
 * fraction {@code f_k} from trades {@code 1..k-1} (their net returns {@code n_j = r_j - c} and replayed P&amp;Ls)
 * and, for the fixed-risk rule, trade k's own stop; then {@code pnl_k = E_{k-1} f_k n_k} and
 * {@code E_k = E_{k-1} + pnl_k}. Once equity is not positive nothing more is staked ({@link SizingBranch#NO_CAPITAL}).
 * The estimating rules see net returns: a cost makes every trade worse by {@code c} before any estimate.
 *
 * <p>Kelly and optimal f re-estimate from every prior trade, so a replay of n trades costs O(n^2). Only part of
 * an estimate could be carried from one trade to the next: p - q/b needs running counts and sums, but the
 * log-optimal fraction that bounds it, and optimal f, are roots of a sum over every prior trade, found again for
 * each. 1,000 trades take tens of milliseconds per rule ({@code TradeSequenceBenchmark}).
 */
public final class TradeSequenceBacktest {

    private TradeSequenceBacktest() {
    }

    /** The replay of {@code trades} (in exit order) sized by {@code rule}. */
    public static SequenceResult run(List<ClosedTrade> trades, SizingRule rule, SequenceSettings settings) {
        checkOrder(trades);
        return replay(trades, rule, settings);
    }

    /** The replays of the same trades by each rule, in the order of {@code rules}. */
    public static List<SequenceResult> compare(List<ClosedTrade> trades, List<SizingRule> rules,
            SequenceSettings settings) {
        Objects.requireNonNull(rules, "rules");
        if (rules.isEmpty()) {
            throw new InvalidParameterException("rules", "must name at least one sizing rule");
        }
        checkOrder(trades);
        List<SequenceResult> out = new ArrayList<>(rules.size());
        for (SizingRule rule : rules) {
            out.add(replay(trades, rule, settings));
        }
        return List.copyOf(out);
    }

    /**
     * The rule's replay against the same trades each sized at the rule's average fraction: see
     * {@link SizingAttribution} for what the difference means.
     */
    public static SizingAttribution attribution(List<ClosedTrade> trades, SizingRule rule,
            SequenceSettings settings) {
        SequenceResult chosen = run(trades, rule, settings);
        double average = chosen.trades() == 0 ? 0 : chosen.averageFraction();
        return new SizingAttribution(chosen, replay(trades, new FixedFractionRule(average), settings));
    }

    private static SequenceResult replay(List<ClosedTrade> trades, SizingRule rule, SequenceSettings settings) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(settings, "settings");
        TradeSizer sizer = TradeSizer.of(rule);
        double cost = settings.costRate();
        PriorTrades prior = new PriorTrades(settings.initialCapital(), trades.size());
        List<TradeStep> steps = new ArrayList<>(trades.size());
        for (ClosedTrade trade : trades) {
            double before = prior.equity();
            NextSize next = before > 0 ? sizer.size(prior, trade.stopLoss()) : NextSize.noCapital(before);
            double net = trade.returnOnPosition() - cost;
            double pnl = before * next.fraction() * net;
            steps.add(new TradeStep(prior.count(), trade.exitEpochSecond(), trade.returnOnPosition(),
                    next.fraction(), next.riskFraction(), before, pnl, before * next.fraction() * cost, before + pnl,
                    next.branch(), next.reason(), next.adjustments()));
            prior.add(net, pnl);
        }
        return SequenceResult.of(rule, settings, steps);
    }

    private static void checkOrder(List<ClosedTrade> trades) {
        Objects.requireNonNull(trades, "trades");
        for (int k = 0; k < trades.size(); k++) {
            ClosedTrade t = Objects.requireNonNull(trades.get(k), "trade " + k);
            if (k > 0 && t.exitEpochSecond() < trades.get(k - 1).exitEpochSecond()) {
                throw new InvalidParameterException("exit_epoch_second", "trades must be in exit order; trade "
                        + k + " exits at " + t.exitEpochSecond() + ", before trade " + (k - 1) + " at "
                        + trades.get(k - 1).exitEpochSecond());
            }
        }
    }
}
