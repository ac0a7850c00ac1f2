package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.backtest.trades.TradeSequences.FIVE_TRADES;
import static com.positionlab.engine.backtest.trades.TradeSequences.THOUSAND;
import static com.positionlab.engine.backtest.trades.TradeSequences.returns;
import static com.positionlab.engine.backtest.trades.TradeSequences.withStops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.kelly.DrawdownPolicy;
import com.positionlab.engine.kelly.KellyPolicy;

/**
 * {@link TradeSequenceBacktest}: the replay {@code E_k = E_{k-1} (1 + f_k (r_k - c))} by hand for the fixed
 * rules, with costs and past ruin; the summary (curve, hit rate, drawdown); no look-ahead for every rule; compare
 * gives every rule the same trades; the sizing attribution by hand; and bad input named by its field.
 */
class TradeSequenceBacktestTest {

    private static final double CENT = 1e-9;
    private static final double EXACT = 1e-12;

    @Test
    void fixedFractionCompoundsTheEquityByHand() {
        SequenceResult r = TradeSequenceBacktest.run(returns(0.10, -0.05, 0.20), new FixedFractionRule(0.10),
                THOUSAND);
        // 1000 + 1000 x 0.1 x 0.10 = 1010; 1010 - 1010 x 0.1 x 0.05 = 1004.95; 1004.95 + 1004.95 x 0.1 x 0.2 = 1025.049
        assertThat(r.equityCurve()).containsExactly(new double[] {1000, 1010, 1004.95, 1025.049}, within(CENT));
        assertThat(r.finalEquity()).isCloseTo(1025.049, within(CENT));
        assertThat(r.totalReturn()).isCloseTo(0.025049, within(EXACT));
        assertThat(r.steps().get(1).pnl()).isCloseTo(-5.05, within(CENT));
        assertThat(r.steps()).extracting(TradeStep::fraction).containsOnly(0.10);
        assertThat(r.steps()).extracting(TradeStep::branch).containsOnly(SizingBranch.FIXED);
        assertThat(r.trades()).isEqualTo(3);
        assertThat(r.wins()).isEqualTo(2);
        assertThat(r.hitRate()).isCloseTo(2.0 / 3, within(EXACT));
        // the only fall: 1010 -> 1004.95, 5.05 / 1010
        assertThat(r.maxDrawdown()).isCloseTo(0.005, within(EXACT));
        assertThat(r.averageFraction()).isCloseTo(0.10, within(EXACT));
    }

    @Test
    void costIsChargedOnThePositionValueOfEachTrade() {
        SequenceResult r = TradeSequenceBacktest.run(returns(0.10, -0.05, 0.20), new FixedFractionRule(0.10),
                new SequenceSettings(1_000, 10));
        // net returns 0.099, -0.051, 0.199: 1009.9, 1004.74951, 1024.744025249
        assertThat(r.equityCurve()).containsExactly(new double[] {1000, 1009.9, 1004.74951, 1024.744025249},
                within(CENT));
        // the first trade's position is 100: 10 bps of it is 0.10
        assertThat(r.steps().get(0).cost()).isCloseTo(0.10, within(CENT));
        assertThat(r.steps().get(0).pnl()).isCloseTo(9.9, within(CENT));
    }

    @Test
    void fixedRiskRisksTheSameShareToEachStopUpToTheCap() {
        List<ClosedTrade> trades = withStops(0.04, 0.02, -0.05, 0.05, 0.01, 0.005);
        SequenceResult r = TradeSequenceBacktest.run(trades, new FixedRiskRule(0.01, 1.5), THOUSAND);
        // f = 0.01 / 0.02 = 0.5: 1000 + 1000 x 0.5 x 0.04 = 1020
        // f = 0.01 / 0.05 = 0.2: 1020 - 1020 x 0.2 x 0.05 = 1009.8 (stopped out: 1% of equity lost)
        // f = min(0.01 / 0.005, 1.5) = 1.5: 1009.8 + 1009.8 x 1.5 x 0.01 = 1024.947
        assertThat(r.steps().stream().mapToDouble(TradeStep::fraction).toArray())
                .containsExactly(new double[] {0.5, 0.2, 1.5}, within(EXACT));
        assertThat(r.equityCurve()).containsExactly(new double[] {1000, 1020, 1009.8, 1024.947}, within(CENT));
        assertThat(r.steps().get(1).pnl() / r.steps().get(1).equityBefore()).isCloseTo(-0.01, within(EXACT));
        assertThat(r.steps().get(0).riskFraction()).isCloseTo(0.01, within(EXACT));
        assertThat(r.steps().get(2).riskFraction()).as("capped: 1.5 x 0.5%").isCloseTo(0.0075, within(EXACT));
        assertThat(r.steps().get(2).reason()).isEqualTo(
                "risk 1.0% of equity to a stop 0.50% away: a position of 200.00%, capped at 150.0%");
    }

    @Test
    void nothingIsStakedOnceEquityIsGone() {
        SequenceResult r = TradeSequenceBacktest.run(returns(-0.6, 0.5), new FixedFractionRule(2.0), THOUSAND);
        // 1000 - 1000 x 2 x 0.6 = -200; then nothing is left to stake
        assertThat(r.equityCurve()).containsExactly(new double[] {1000, -200, -200}, within(CENT));
        assertThat(r.steps().get(1).branch()).isEqualTo(SizingBranch.NO_CAPITAL);
        assertThat(r.steps().get(1).fraction()).isZero();
        assertThat(r.steps().get(1).reason()).isEqualTo("equity is -200.00; nothing left to stake");
        assertThat(r.maxDrawdown()).isCloseTo(1.2, within(EXACT));
        assertThat(r.wins()).isZero();
    }

    @Test
    void noTradesLeaveTheCapital() {
        SequenceResult r = TradeSequenceBacktest.run(List.of(), KellyRule.defaults(), THOUSAND);
        assertThat(r.equityCurve()).containsExactly(1000.0);
        assertThat(r.finalEquity()).isEqualTo(1000.0);
        assertThat(r.maxDrawdown()).isZero();
        assertThat(r.hitRate()).isNaN();
    }

    /** Every rule, each of which sizes trade 35 of a random sequence from an estimate (or its fixed rule). */
    private static List<SizingRule> allRules() {
        KellyRule kelly = new KellyRule(FIVE_TRADES.withSeed(1), KellyPolicy.defaults(), DrawdownPolicy.defaults(), 2);
        return List.of(KellyRule.defaults(), kelly, new FixedFractionRule(0.05), new FixedRiskRule(0.01, 1),
                new OptimalFRule(0.5, 20, 0.02, 2));
    }

    @Test
    void changingLaterTradesChangesNothingBeforeThem() {
        List<ClosedTrade> trades = TradeSequences.random(60, 7);
        List<ClosedTrade> other = TradeSequences.random(60, 8);
        int k = 35;
        List<ClosedTrade> altered = new ArrayList<>(trades.subList(0, k + 1));
        for (int j = k + 1; j < trades.size(); j++) {
            ClosedTrade o = other.get(j);
            altered.add(new ClosedTrade(-o.returnOnPosition(), o.stopLoss(), trades.get(j).exitEpochSecond()));
        }
        for (SizingRule rule : allRules()) {
            SequenceResult a = TradeSequenceBacktest.run(trades, rule, THOUSAND);
            SequenceResult b = TradeSequenceBacktest.run(altered, rule, THOUSAND);
            assertThat(b.steps().subList(0, k + 1)).as(rule.label()).isEqualTo(a.steps().subList(0, k + 1));
            assertThat(b.steps().get(k + 1).equityBefore()).isEqualTo(a.steps().get(k + 1).equityBefore());
            if (!(rule instanceof FixedRiskRule)) {
                assertThat(b.steps().get(k + 1).fraction()).as(rule.label() + ": trade k + 1's own return is unseen")
                        .isEqualTo(a.steps().get(k + 1).fraction());
            }
            assertThat(b.finalEquity()).as(rule.label()).isNotEqualTo(a.finalEquity());
        }
    }

    @Test
    void compareGivesEveryRuleTheSameTrades() {
        List<ClosedTrade> trades = TradeSequences.random(80, 3);
        List<SizingRule> rules = allRules();
        List<SequenceResult> results = TradeSequenceBacktest.compare(trades, rules, THOUSAND);
        assertThat(results).extracting(SequenceResult::rule).containsExactlyElementsOf(rules);
        for (SequenceResult r : results) {
            assertThat(r.steps()).extracting(TradeStep::returnOnPosition)
                    .containsExactlyElementsOf(trades.stream().map(ClosedTrade::returnOnPosition).toList());
            SequenceResult alone = TradeSequenceBacktest.run(trades, r.rule(), THOUSAND);
            assertThat(r.steps()).as(r.rule().label()).isEqualTo(alone.steps());
        }
        assertThat(results.stream().mapToDouble(SequenceResult::finalEquity).distinct().count())
                .as("the rules size differently").isEqualTo(rules.size());
    }

    @Test
    void sizingAttributionByHand() {
        List<ClosedTrade> trades = withStops(0.10, 0.01, -0.05, 0.05);
        SizingAttribution a = TradeSequenceBacktest.attribution(trades, new FixedRiskRule(0.01, 1), THOUSAND);
        // chosen: f = 1.0 then 0.2: 1000 x 1.10 = 1100, 1100 x (1 - 0.2 x 0.05) = 1089: +8.9%
        // equal:  f = 0.6 twice:    1000 x 1.06 = 1060, 1060 x (1 - 0.6 x 0.05) = 1028.2: +2.82%
        assertThat(a.averageFraction()).isCloseTo(0.6, within(EXACT));
        assertThat(a.chosen().finalEquity()).isCloseTo(1089, within(CENT));
        assertThat(a.equalSize().finalEquity()).isCloseTo(1028.2, within(CENT));
        assertThat(a.equalSize().steps()).extracting(TradeStep::fraction).containsOnly(a.averageFraction());
        assertThat(a.fromSizing()).isCloseTo(0.089 - 0.0282, within(EXACT));
    }

    @Test
    void aFixedFractionOwesNothingToSizing() {
        SizingAttribution a = TradeSequenceBacktest.attribution(TradeSequences.random(40, 5),
                new FixedFractionRule(0.3), THOUSAND);
        assertThat(a.fromSizing()).isCloseTo(0, within(EXACT));
    }

    @Test
    void badInputIsNamedByItsField() {
        assertField(() -> new ClosedTrade(0.01, -0.02, TradeSequences.T0), "stop_loss");
        assertField(() -> new ClosedTrade(Double.NaN, TradeSequences.T0), "return_on_position");
        assertField(() -> new SequenceSettings(0, 0), "initial_capital");
        assertField(() -> new SequenceSettings(1000, -1), "cost_bps");
        assertField(() -> new FixedFractionRule(-0.1), "fixed_percentage");
        assertField(() -> new FixedRiskRule(0, 1), "risk_per_trade");
        assertField(() -> new FixedRiskRule(0.01, 11), "max_position_size");
        assertField(() -> new OptimalFRule(0.5, 4, 0.02, 1), "minimum_trades");
        assertField(() -> TradeSequenceBacktest.compare(returns(0.01), List.of(), THOUSAND), "rules");
        List<ClosedTrade> backwards = List.of(new ClosedTrade(0.01, 200), new ClosedTrade(0.02, 100));
        assertThatThrownBy(() -> TradeSequenceBacktest.run(backwards, new FixedFractionRule(0.1), THOUSAND))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("exit_epoch_second: trades must be in exit order; trade 1 exits at 100, before trade 0 "
                        + "at 200");
        assertThatThrownBy(() -> TradeSequenceBacktest.run(withStops(0.01, 0.02, 0.01, Double.NaN),
                new FixedRiskRule(0.01, 1), THOUSAND))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("stop_loss: trade 1 has none; the fixed-risk rule needs a stop on every trade");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo(field));
    }
}
