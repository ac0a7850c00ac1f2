package com.positionlab.engine.sizing;

/** Ralph Vince's optimal f of the strategy's trade returns, times the fraction of it to use. */
final class OptimalFSizer implements MethodSizer {

    @Override
    public double weight(SizingContext c, Estimates e) {
        SizingSpec.Method m = c.spec.method();
        OptimalF.Result f = OptimalF.of(m.tradeReturns());
        c.detail("optimal_f", f.f());
        c.detail("largest_loss", f.largestLoss());
        c.detail("geometric_mean_hpr", f.geometricMean());
        c.detail("trades", f.trades());
        c.detail("optimal_f_fraction", m.optimalFFraction());
        if (f.f() == 0) {
            c.noPosition("no edge: the strategy's mean trade return is not positive");
            return 0;
        }
        return m.optimalFFraction() * f.weight();
    }
}
