package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.backtest.trades.TradeSequences.FIVE_TRADES;
import static com.positionlab.engine.backtest.trades.TradeSequences.THOUSAND;
import static com.positionlab.engine.backtest.trades.TradeSequences.returns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.kelly.Adjustment;
import com.positionlab.engine.kelly.DrawdownPolicy;
import com.positionlab.engine.kelly.DynamicKellyAdjuster;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.kelly.EdgeStatistics;
import com.positionlab.engine.kelly.KellyCalculator;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.sizing.OptimalF;

/**
 * The estimating rules against the engine's own calculators on the prior trades: Kelly falls back below the
 * minimum number of trades, then stakes what {@link KellyCalculator} (and the Kelly Lab's chain) gives, as a
 * position of stake / average loss; the drawdown adjustment multiplies by {@link DynamicKellyAdjuster}'s
 * multiplier of the replayed P&amp;Ls; optimal f is {@link OptimalF}'s weight f / L.
 */
class EstimatedSizingTest {

    private static final double CENT = 1e-9;
    private static final double TIGHT = 1e-9;
    private static final KellyPolicy QUARTER = KellyPolicy.defaults();

    private static double[] priorReturns(SequenceResult r, int k) {
        return r.steps().subList(0, k).stream().mapToDouble(TradeStep::returnOnPosition).toArray();
    }

    private static double[] priorPnl(SequenceResult r, int k) {
        return r.steps().subList(0, k).stream().mapToDouble(TradeStep::pnl).toArray();
    }

    @Test
    void kellyFallsBackForTheFirstTradesThenSizesFromTheirEdgeByHand() {
        KellyRule rule = new KellyRule(FIVE_TRADES, QUARTER, null, 1);
        SequenceResult r = TradeSequenceBacktest.run(returns(0.3, -0.2, 0.3, -0.2, 0.3, 0.3, 0.3), rule, THOUSAND);
        // trades 0-4 have fewer than 5 prior trades: the fallback, 2% of equity
        //   1000 x 1.006 x 0.996 x 1.006 x 0.996 x 1.006 = 1009.979640003456
        // trade 5: 3 wins of 0.3 and 2 losses of 0.2: p = 0.6, b = 1.5, f* = 0.6 - 0.4 / 1.5 = 1/3 (the log-optimal
        //   fraction of a two-valued list is the same); stake 1/3 x 0.25 = 1/12, position (1/12) / 0.2 = 5/12
        //   1009.979640003456 x (1 + 5/12 x 0.3) = 1136.227095003888
        // trade 6: p = 4/6: f* = 2/3 - (1/3) / 1.5 = 4/9, stake 1/9, position 5/9; x (1 + 5/9 x 0.3)
        assertThat(r.steps()).extracting(TradeStep::branch).containsExactly(SizingBranch.FALLBACK,
                SizingBranch.FALLBACK, SizingBranch.FALLBACK, SizingBranch.FALLBACK, SizingBranch.FALLBACK,
                SizingBranch.ESTIMATED, SizingBranch.ESTIMATED);
        assertThat(r.steps().subList(0, 5)).extracting(TradeStep::fraction).containsOnly(0.02);
        assertThat(r.steps().get(0).reason()).isEqualTo("fixed 2.0% of balance: no trades; at least 5 needed");
        assertThat(r.steps().get(3).reason()).isEqualTo("fixed 2.0% of balance: only 3 trades; at least 5 needed");
        assertThat(r.equityCurve()[5]).isCloseTo(1009.979640003456, within(CENT));
        assertThat(r.steps().get(5).riskFraction()).isCloseTo(1.0 / 12, within(TIGHT));
        assertThat(r.steps().get(5).fraction()).isCloseTo(5.0 / 12, within(TIGHT));
        assertThat(r.equityCurve()[6]).isCloseTo(1136.227095003888, within(CENT));
        assertThat(r.steps().get(6).fraction()).isCloseTo(5.0 / 9, within(TIGHT));
        assertThat(r.finalEquity()).isCloseTo(1136.227095003888 * (1 + 5.0 / 9 * 0.3), within(CENT));
    }

    @Test
    void kellyStakeIsKellyCalculatorsOnThePriorTrades() {
        EdgeConfig config = EdgeConfig.defaults();
        SequenceResult r = TradeSequenceBacktest.run(TradeSequences.twoValued(150, 21),
                new KellyRule(config, QUARTER, null, 10), THOUSAND);
        for (int k = 0; k < r.trades(); k++) {
            TradeStep step = r.steps().get(k);
            if (k < config.minimumTrades()) {
                assertThat(step.branch()).isEqualTo(SizingBranch.FALLBACK);
                assertThat(step.fraction()).isEqualTo(config.fallbackFraction());
                continue;
            }
            double[] prior = priorReturns(r, k);
            long wins = Arrays.stream(prior).filter(x -> x > 0).count();
            double p = (double) wins / k;
            double expected = KellyCalculator.discrete(p, 0.03, 0.02, k, 0.95, QUARTER).adjustedKelly();
            assertThat(step.branch()).as("trade %d", k).isEqualTo(SizingBranch.ESTIMATED);
            assertThat(step.riskFraction()).as("trade %d", k).isCloseTo(expected, within(TIGHT));
            assertThat(step.fraction()).as("trade %d", k).isCloseTo(expected / 0.02, within(1e-7));
        }
    }

    @Test
    void kellyUsesTheSmallerOfTheAveragesAndTheTradeListOnGeneralReturns() {
        double max = 3;
        SequenceResult r = TradeSequenceBacktest.run(TradeSequences.random(150, 11),
                new KellyRule(EdgeConfig.defaults(), QUARTER, null, max), THOUSAND);
        for (int k = 20; k < r.trades(); k++) {
            EdgeStatistics prior = EdgeStatistics.of(priorReturns(r, k));
            double stake = QUARTER.adjust(prior.kellyUsed(), 1, 1);
            assertThat(r.steps().get(k).fraction()).as("trade %d", k)
                    .isCloseTo(Math.min(stake / prior.averageLoss(), max), within(TIGHT));
        }
    }

    @Test
    void drawdownScalesTheFractionByTheAdjustersMultiplier() {
        DrawdownPolicy drawdown = DrawdownPolicy.defaults();
        SequenceResult r = TradeSequenceBacktest.run(returns(0.3, -0.2, 0.3, 0.3, -0.2, 0.3, 0.3, -0.2, -0.2, -0.2,
                -0.2, 0.3), new KellyRule(FIVE_TRADES, QUARTER, drawdown, 1), THOUSAND);
        for (int k = 0; k < r.trades(); k++) {
            TradeStep step = r.steps().get(k);
            double m = DynamicKellyAdjuster.adjust(priorPnl(r, k), 1000, drawdown).multiplier();
            assertThat(step.adjustments().stream().mapToDouble(Adjustment::multiplier).reduce(1, (a, b) -> a * b))
                    .as("trade %d", k).isCloseTo(m, within(TIGHT));
            if (k < 5) {
                assertThat(step.fraction()).as("the fallback is adjusted too").isCloseTo(0.02 * m, within(TIGHT));
                continue;
            }
            EdgeStatistics prior = EdgeStatistics.of(priorReturns(r, k));
            double unadjusted = QUARTER.adjust(prior.kellyUsed(), 1, 1) / prior.averageLoss();
            assertThat(step.fraction()).as("trade %d", k).isCloseTo(unadjusted * m, within(TIGHT));
        }
        // four losses in a row leave equity 19.8% below its peak, near the 20% limit: x0.256 (the floor is 0.25)
        TradeStep afterStreak = r.steps().get(11);
        assertThat(afterStreak.adjustments()).extracting(Adjustment::name)
                .containsExactly("drawdown", "recent_performance", "conviction");
        assertThat(afterStreak.adjustments().get(0).reason()).isEqualTo("equity is 19.8% below its peak; limit 20.0%");
        assertThat(afterStreak.adjustments().get(0).multiplier()).isBetween(drawdown.floor(), 0.26);
        EdgeStatistics prior = EdgeStatistics.of(priorReturns(r, 11));
        assertThat(afterStreak.fraction()).isLessThan(QUARTER.adjust(prior.kellyUsed(), 1, 1) / prior.averageLoss());
    }

    @Test
    void kellyFallsBackWithoutALossAndSizesANegativeEdgeToZero() {
        KellyRule rule = new KellyRule(FIVE_TRADES, QUARTER, null, 1);
        SequenceResult gains = TradeSequenceBacktest.run(returns(0.1, 0.1, 0.1, 0.1, 0.1, 0.1), rule, THOUSAND);
        assertThat(gains.steps().get(5).branch()).isEqualTo(SizingBranch.FALLBACK);
        assertThat(gains.steps().get(5).reason())
                .isEqualTo("fixed 2.0% of balance: no losing trades; edge cannot be estimated");
        SequenceResult losses = TradeSequenceBacktest.run(returns(0.1, -0.2, -0.2, 0.1, -0.2, 0.1), rule, THOUSAND);
        TradeStep step = losses.steps().get(5);
        assertThat(step.branch()).isEqualTo(SizingBranch.ESTIMATED);
        assertThat(step.fraction()).isZero();
        assertThat(step.reason()).contains("a negative edge sizes to zero");
    }

    @Test
    void optimalFByHand() {
        SequenceResult r = TradeSequenceBacktest.run(returns(0.3, -0.2, 0.3, -0.2, 0.3, -0.2),
                new OptimalFRule(0.5, 5, 0.02, 1), THOUSAND);
        // trades 0-4: the fallback 2%, as for Kelly: 1009.979640003456
        // trade 5: L = 0.2, outcomes per L 1.5 and -1 (3 and 2 of them): TWR' = 0 at 4.5 (1 - f) = 2 (1 + 1.5 f),
        //   f = 1/3; position 0.5 x (1/3) / 0.2 = 5/6, at risk 5/6 x 0.2 = 1/6 of equity
        //   1009.979640003456 x (1 - 5/6 x 0.2) = 841.64970000288
        assertThat(r.steps().subList(0, 5)).extracting(TradeStep::branch).containsOnly(SizingBranch.FALLBACK);
        assertThat(r.steps().get(2).reason()).isEqualTo("fixed 2.0% of equity: only 2 trades; at least 5 needed");
        assertThat(r.steps().get(5).branch()).isEqualTo(SizingBranch.ESTIMATED);
        assertThat(r.steps().get(5).fraction()).isCloseTo(5.0 / 6, within(TIGHT));
        assertThat(r.steps().get(5).riskFraction()).isCloseTo(1.0 / 6, within(TIGHT));
        assertThat(r.finalEquity()).isCloseTo(841.64970000288, within(1e-6));
    }

    @Test
    void optimalFIsOptimalFsWeightOnThePriorTrades() {
        double max = 10;
        SequenceResult r = TradeSequenceBacktest.run(TradeSequences.random(120, 13),
                new OptimalFRule(0.5, 20, 0.02, max), THOUSAND);
        for (int k = 0; k < r.trades(); k++) {
            TradeStep step = r.steps().get(k);
            if (k < 20) {
                assertThat(step.fraction()).isEqualTo(0.02);
                continue;
            }
            OptimalF.Result f = OptimalF.of(priorReturns(r, k));
            assertThat(step.fraction()).as("trade %d", k).isEqualTo(Math.min(0.5 * f.weight(), max));
        }
    }

    @Test
    void optimalFFallsBackWithoutALossAndStakesNothingWithoutAnEdge() {
        OptimalFRule rule = new OptimalFRule(1, 5, 0.03, 1);
        SequenceResult gains = TradeSequenceBacktest.run(returns(0.1, 0.1, 0.1, 0.1, 0.1, 0.1), rule, THOUSAND);
        assertThat(gains.steps().get(5).reason()).isEqualTo("fixed 3.0% of equity: no losing trades; optimal f is "
                + "unbounded");
        assertThat(gains.steps().get(5).fraction()).isEqualTo(0.03);
        SequenceResult losses = TradeSequenceBacktest.run(returns(0.1, -0.2, -0.2, 0.1, -0.2, 0.1), rule, THOUSAND);
        assertThat(losses.steps().get(5).fraction()).isZero();
        assertThat(losses.steps().get(5).branch()).isEqualTo(SizingBranch.ESTIMATED);
    }

    @Test
    void costsLowerTheReturnsTheEstimatorsSee() {
        List<ClosedTrade> trades = TradeSequences.random(60, 17);
        SequenceSettings costly = new SequenceSettings(1_000, 25);
        SequenceResult r = TradeSequenceBacktest.run(trades, new OptimalFRule(1, 20, 0.02, 10), costly);
        double[] net = trades.subList(0, 40).stream().mapToDouble(t -> t.returnOnPosition() - 0.0025).toArray();
        assertThat(r.steps().get(40).fraction()).isEqualTo(Math.min(OptimalF.of(net).weight(), 10));
    }
}
