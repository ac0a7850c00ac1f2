package com.positionlab.engine.sizing;

import com.positionlab.engine.Reasons;
import com.positionlab.engine.kelly.ConvictionMultipliers;
import com.positionlab.engine.kelly.KellyPolicy;

/**
 * Kelly, capped, times the Kelly multiplier and the conviction. With the trade's own Kelly ({@link TradeKelly})
 * that is the share of equity put at risk to the stop, turned into a weight by the distance to the stop;
 * otherwise it is the growth-optimal weight given the book.
 */
final class KellySizer implements MethodSizer {

    @Override
    public double weight(SizingContext c, Estimates e) {
        if (e.tradeKelly() != null) {
            return tradeWeight(c, e.tradeKelly());
        }
        double kelly = e.kelly();
        if (Double.isNaN(kelly)) {
            c.noPosition("the instrument's returns have no variance over the lookback");
            return 0;
        }
        SizingSpec.Method m = c.spec.method();
        double conviction = ConvictionMultipliers.DEFAULTS.of(c.trade.conviction());
        KellyPolicy policy = new KellyPolicy(m.maxKellyFraction(), m.kellyMultiplier(), 0, 10);
        double w = policy.adjust(kelly, 1, conviction);
        c.details.kellyGrowthOptimalWeight = kelly;
        c.details.kellyCap = m.maxKellyFraction();
        c.details.kellyMultiplier = m.kellyMultiplier();
        c.details.convictionMultiplier = conviction;
        c.details.covarianceWithBook = c.cov;
        if (kelly <= 0) {
            c.noPosition("no edge: the growth-optimal weight given the book is " + Reasons.fmt(kelly));
        }
        return w;
    }

    private static double tradeWeight(SizingContext c, TradeKelly t) {
        SizingSpec.Method m = c.spec.method();
        double conviction = ConvictionMultipliers.DEFAULTS.of(c.trade.conviction());
        double risk = new KellyPolicy(m.maxKellyFraction(), m.kellyMultiplier(), 0, 10).adjust(t.kelly(), 1,
                conviction);
        c.details.kellyCap = m.maxKellyFraction();
        c.details.kellyMultiplier = m.kellyMultiplier();
        c.details.convictionMultiplier = conviction;
        c.details.riskPerTrade = risk;
        c.details.riskPerUnit = t.riskPerUnit();
        if (t.kelly() <= 0) {
            c.noPosition("no edge: with a win probability of " + Reasons.pct(t.winProbability()) + " and reward:risk "
                    + Reasons.fmt(t.rewardToRisk()) + ", the trade's Kelly p - q/b is " + Reasons.fmt(t.kelly()));
            return 0;
        }
        return t.weightFor(risk, c.trade.entryPrice());
    }
}
