package com.positionlab.engine.sizing;

import com.positionlab.engine.Reasons;
import com.positionlab.engine.kelly.ConvictionMultipliers;
import com.positionlab.engine.kelly.KellyPolicy;

/** The growth-optimal weight given the book, times the Kelly multiplier and the conviction, capped. */
final class KellySizer implements MethodSizer {

    @Override
    public double weight(SizingContext c, Estimates e) {
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
}
